// What became of a section's last change: why it wasn't saved (an alert), or that it was
// (a status a screen reader announces without moving focus, each time: a second "Saved." too).
import { LiveRegion, type Announcement } from '../shared/announcement';

export function SaveOutcome({ problem, said }: { problem: string; said: Announcement }) {
  return (
    <>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <LiveRegion said={said} />
    </>
  );
}
