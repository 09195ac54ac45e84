// What became of a section's last change: why it wasn't saved (an alert), or that it was
// (a status a screen reader announces without moving focus).
export function SaveOutcome({ problem, said }: { problem: string; said: string }) {
  return (
    <>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p class="note" role="status">
        {said}
      </p>
    </>
  );
}
