/** A refused or failed API call, carrying the server's stable error id and its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field-level problems from validation, by dotted field path. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const details = Object.entries(error.details).map(([field, problem]) => `${field}：${problem}`);
    return details.length > 0 ? `${error.message}（${details.join('；')}）` : error.message;
  }
  if (error instanceof Error) return `网络异常：${error.message}`;
  return '未知错误';
}
