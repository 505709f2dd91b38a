/** Where an execution's payloads live in the BlobStore: under its owner, so keys never cross users. */

export function requestKey(userId: string, executionId: string): string {
  return `executions/${userId}/${executionId}/request.json`;
}

export function resultKey(userId: string, executionId: string): string {
  return `executions/${userId}/${executionId}/result.json`;
}
