"""Native kernels (C copies of the TypeScript kernels), built by scripts/build-native.mjs; see kernels/native.py."""
