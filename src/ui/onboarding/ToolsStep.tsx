// Step 1: which work tools the parent uses, as toggle buttons with a letter badge each,
// and under them any other work site, by its address.
import { t } from '../../i18n';
import { workTools, type Tool } from './choices';
import { OtherSites } from './OtherSites';
import type { WorkTools } from './useWorkTools';

/** Each tool's badge colour (onboarding.css's --badge): a deep shade that keeps white letters readable. */
const BADGE_COLOURS: Record<string, string> = {
  slack: '#611f69',
  gmail: '#b3261e',
  outlook: '#0f5cab',
  'outlook-personal': '#0a4d8c',
  'microsoft-teams': '#4b53bc',
  'google-chat': '#137333',
  zoom: '#0b5cff',
  jira: '#0c66e4',
  asana: '#c92f54',
  linear: '#5e6ad2',
  notion: '#37352f',
  github: '#24292f',
  discord: '#5865f2',
};

let tools: Tool[] | null = null;
/** Worked out once, when first shown (it names shared presets in the browser's language). */
const allTools = (): Tool[] => (tools ??= workTools());

export function ToolsStep({ work }: { work: WorkTools }) {
  return (
    <>
      <p>{t('onboardingToolsIntro')}</p>
      <p class="note">{t('onboardingAccessWhy')}</p>
      {work.view ? (
        <>
          <ul class="tools" aria-labelledby="step-title">
            {allTools().map((tool) => (
              <li key={tool.id}>
                <ToolButton tool={tool} pressed={work.pressed(tool)} onToggle={work.toggle} />
              </li>
            ))}
          </ul>
          <OtherSites work={work} tools={allTools()} sites={work.view.sites} />
        </>
      ) : work.loadProblem ? (
        <p role="alert">{t('onboardingLoadProblem')}</p>
      ) : (
        <p aria-busy="true">{t('onboardingLoading')}</p>
      )}
    </>
  );
}

interface ToolButtonProps {
  tool: Tool;
  pressed: boolean;
  onToggle: (tool: Tool) => void;
}

function ToolButton({ tool, pressed, onToggle }: ToolButtonProps) {
  return (
    <button
      type="button"
      id={`tool-${tool.id}`}
      class="tool"
      data-tool={tool.id}
      style={{ '--badge': BADGE_COLOURS[tool.id] }}
      aria-pressed={pressed ? 'true' : 'false'}
      onClick={() => onToggle(tool)}
    >
      <span class="badge" aria-hidden="true">
        {tool.letter}
      </span>
      <span class="tool-name">{tool.name}</span>
      <span class="check" aria-hidden="true">
        <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
          <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </span>
    </button>
  );
}
