/** Version of the SDK injected into isolates (data, indicators, ctx); reported in every result. */
export const SDK_VERSION = '0.1.0';
