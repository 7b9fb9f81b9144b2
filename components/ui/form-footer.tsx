import type { ReactNode } from "react";

/**
 * The end of a form, as every form ends: the refusal (role="alert"), the success line
 * (role="status", so it is announced), and the submit button — disabled while the call runs —
 * with any further buttons (`children`: 取消 …) beside it. `error` and `status` show only when
 * set; `submit` is the button's text (a pending text such as 正在登录… is the caller's choice).
 */
export function FormFooter({ submit, pending, error, status, children }: { submit: string; pending: boolean; error?: string | null; status?: string | null; children?: ReactNode }) {
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {status && (
        <p role="status" className="ok">
          {status}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          {submit}
        </button>
        {children}
      </div>
    </>
  );
}
