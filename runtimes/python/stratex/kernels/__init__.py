"""Indicator kernels: ports of the TypeScript kernels of packages/indicators/src, operation for operation,
so that Python and JavaScript strategies see bit-identical numbers."""
