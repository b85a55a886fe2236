/** Why a change was refused, next to the control; announced when it appears. */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={id} role="alert">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}
