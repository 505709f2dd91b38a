/**
 * The OpenAPI 3.1 document of the routes that exist (a test checks that every route of the app is in
 * it). Written by hand: the routes are few, and the prose says what the contract means.
 */

import { ERROR_CODES } from '@stratex/core';
import { MAX_PARAMETERS_CHARS, MAX_PARAMETERS_DEPTH, MAX_TEXT_LENGTH } from './executions/field-limits.js';

const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorAnswer = (description: string) => ({ description, content: json(ref('Error')) });

const commonErrors = {
  '401': errorAnswer('UNAUTHORIZED: no or wrong API key'),
  '429': {
    description:
      'RATE_LIMITED: the per-user token bucket is empty, the address made too many failed API keys, or (POST) the ' +
      "user's running or queued runs are at their cap",
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
    content: json(ref('Error')),
  },
  '500': errorAnswer('INTERNAL: a fault of the server (nothing of the host in the message)'),
};

const schemas = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { enum: [...ERROR_CODES] },
          message: { type: 'string' },
          details: { type: 'object', description: 'e.g. `field` of an INVALID_REQUEST, `line` of CODE_REJECTED' },
        },
      },
    },
  },
  ExecutionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'language', 'providerId', 'symbol', 'timeframe', 'startDate', 'endDate', 'mode'],
    properties: {
      strategyId: { type: 'string', maxLength: MAX_TEXT_LENGTH.strategyId },
      code: {
        type: 'string',
        description: 'the strategy source (CONTRACT.md section 1); at most 100 KB (python) or 1 MB of UTF-8',
      },
      language: { enum: ['python', 'javascript', 'typescript'] },
      providerId: {
        type: 'string',
        maxLength: MAX_TEXT_LENGTH.providerId,
        description: 'csv (the file `stratex serve --data` names), synthetic, kraken, …',
      },
      symbol: { type: 'string', maxLength: MAX_TEXT_LENGTH.symbol },
      timeframe: { type: 'string', maxLength: MAX_TEXT_LENGTH.timeframe, examples: ['1h'] },
      startDate: {
        type: ['string', 'number'],
        maxLength: MAX_TEXT_LENGTH.startDate,
        description: 'ISO 8601 date or date-time, UTC unless an offset',
      },
      endDate: { type: ['string', 'number'], maxLength: MAX_TEXT_LENGTH.endDate },
      mode: { enum: ['BACKTEST', 'PAPER', 'LIVE'], description: 'PAPER and LIVE: not built yet (400)' },
      parameters: {
        type: 'object',
        description: `at most ${MAX_PARAMETERS_DEPTH} levels deep and ${MAX_PARAMETERS_CHARS / 1024} KB as JSON`,
      },
      llmConfig: { type: ['object', 'null'], description: 'not built yet: must be absent or null' },
      warmup: { type: 'integer', minimum: 0 },
      cash: { type: 'number' },
      fee: { type: 'number' },
      slippage: { type: 'number' },
      lotSize: { type: 'number' },
      seed: { type: 'integer', description: 'of the synthetic provider' },
      limits: {
        type: 'object',
        additionalProperties: false,
        properties: { timeoutMs: { type: 'number' }, memoryMb: { type: 'integer' } },
      },
    },
  },
  ExecutionResult: {
    type: 'object',
    description: 'CONTRACT.md section 3; a failed run has `status: "failed"` and `error`',
    required: ['id', 'status'],
    properties: {
      id: { type: 'string' },
      status: { enum: ['succeeded', 'failed'] },
      request: { type: 'object' },
      signals: { type: 'array', items: { type: 'object' } },
      trades: { type: 'array', items: { type: 'object' } },
      metrics: { type: 'object' },
      equity: { type: 'object' },
      indicators: { type: 'object' },
      llmAnalysis: { type: 'null' },
      diagnostics: { type: 'object' },
      error: ref('Error/properties/error'),
    },
  },
  ExecutionStatus: {
    type: 'object',
    required: ['id', 'status'],
    description: 'a run not ended yet, or one that failed before its result could be stored (with `error`)',
    properties: {
      id: { type: 'string' },
      status: { enum: ['queued', 'running', 'failed'] },
      error: ref('Error/properties/error'),
    },
  },
  ExecutionSummary: {
    type: 'object',
    required: ['id', 'status', 'mode', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      status: { enum: ['queued', 'running', 'succeeded', 'failed'] },
      mode: { enum: ['BACKTEST', 'PAPER', 'LIVE'] },
      createdAt: { type: 'integer', description: 'ms UTC' },
      updatedAt: { type: 'integer' },
      strategyId: { type: 'string' },
      language: { type: 'string' },
      providerId: { type: 'string' },
      symbol: { type: 'string' },
      timeframe: { type: 'string' },
      error: { type: 'object' },
    },
  },
};

const paths = {
  '/health': {
    get: {
      summary: 'Liveness (no API key needed)',
      security: [],
      responses: { '200': { description: 'ok', content: json({ type: 'object' }) } },
    },
  },
  '/openapi.json': {
    get: {
      summary: 'This document (no API key needed)',
      security: [],
      responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
    },
  },
  '/v1/executions': {
    post: {
      summary: 'Run a backtest: now when small (≤ 200,000 bars, timeout ≤ 20 s), else queued',
      requestBody: { required: true, content: json(ref('ExecutionRequest')) },
      responses: {
        '200': {
          description: 'the result, succeeded or failed (a run failure)',
          content: json(ref('ExecutionResult')),
        },
        '202': { description: 'queued: poll GET /v1/executions/{id}', content: json(ref('ExecutionStatus')) },
        '400': { description: 'INVALID_REQUEST or CODE_REJECTED', content: json(ref('Error')) },
        '413': errorAnswer('INVALID_REQUEST: the body is over the size limit (2 MB)'),
        ...commonErrors,
      },
    },
    get: {
      summary: "The caller's executions, newest first",
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`next` of the previous page' },
      ],
      responses: {
        '200': {
          description: 'one page',
          content: json({
            type: 'object',
            required: ['items', 'next'],
            properties: {
              items: { type: 'array', items: ref('ExecutionSummary') },
              next: { type: ['string', 'null'] },
            },
          }),
        },
        '400': errorAnswer('INVALID_REQUEST: a bad limit or cursor'),
        ...commonErrors,
      },
    },
  },
  '/v1/executions/{id}': {
    get: {
      summary: 'The stored result, or the status while queued or running',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': {
          description: 'result or status',
          content: json({ oneOf: [ref('ExecutionResult'), ref('ExecutionStatus')] }),
        },
        '404': errorAnswer("NOT_FOUND: no such id for this key (another user's id included)"),
        ...commonErrors,
      },
    },
  },
};

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'stratex API', version, description: 'CONTRACT.md section 6; see docs/API.md' },
    components: {
      schemas,
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'the stratex API key' } },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}
