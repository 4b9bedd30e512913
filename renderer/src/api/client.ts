import {
  ApiError,
  type ApiResult,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '@core/api';

/**
 * The renderer's only way to the services: one typed call per contract method. A failed
 * call throws `ApiError`, so React Query sees errors the usual way and the UI translates
 * them by `code`/`reason`.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  let result: ApiResult<unknown>;
  try {
    result = await window.api.invoke(method, input);
  } catch {
    // The transport itself failed (services process gone, IPC refused).
    throw new ApiError({
      code: 'UNAVAILABLE',
      message: 'The data service is not available.',
      issues: [],
    });
  }
  if (result.ok) return result.data as MethodOutput<M>;
  throw new ApiError(result.error);
}

export { ApiError };
