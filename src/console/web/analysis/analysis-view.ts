/// <reference lib="dom" />
import type { VNode } from "preact";
import { useState } from "preact/hooks";
import { html } from "../html.ts";
import type { ApiError } from "../lib/api-error.ts";
import { ErrorNotice, StreamNotice } from "../lib/notice.ts";
import { useStream } from "../lib/use-stream.ts";
import { GameView } from "./game-view.ts";
import { cancelJob, jobEventsUrl, parsePhases, submitGame } from "./job-api.ts";
import { applyJobEvent, isJobEnd, type JobView, newJob } from "./job-state.ts";
import { ProgressView } from "./progress-view.ts";

/**
 * The game analysis: a PGN pasted or dropped, its phases, then the job followed live from
 * its event stream: the progress bar with its phases, and each phase's analysis as it lands.
 */
export function AnalysisView(): VNode {
  const [pgn, setPgn] = useState("");
  const [phasesText, setPhasesText] = useState("8, 14");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [job, setJob] = useState<JobView | undefined>(undefined);
  const state = useStream(job ? jobEventsUrl(job.jobId) : undefined, (ev) => {
    setJob((j) => (j ? applyJobEvent(j, ev) : j));
  }, isJobEnd);
  const submit = async (e: Event) => {
    e.preventDefault();
    const phases = parsePhases(phasesText);
    if (!phases) {
      return setError({
        status: 0,
        code: "invalid_phases",
        message: "Phases: 1 to 3 ascending depths of 1..30, e.g. 8, 14",
      });
    }
    setError(undefined);
    const answer = await submitGame(pgn, phases);
    if ("error" in answer) return setError(answer.error);
    setJob(newJob(answer.jobId, phases));
  };
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) setPgn(await file.text());
  };
  const running = job?.status === "running";
  return html`<section id="game" class="view">
    <form class="pgn-form" id="pgn-form" onSubmit=${submit}>
      <textarea id="pgn" rows="6" placeholder="Paste a PGN, or drop a .pgn file here"
        value=${pgn} onInput=${(e: Event) => setPgn((e.target as HTMLTextAreaElement).value)}
        onDragOver=${(e: DragEvent) => e.preventDefault()} onDrop=${drop}></textarea>
      <label>Phases (depths) <input id="phases" value=${phasesText}
        onInput=${(e: Event) => setPhasesText((e.target as HTMLInputElement).value)} /></label>
      <button type="submit" id="analyse" disabled=${running}>Analyse</button>
      ${
    running
      ? html`<button type="button" id="cancel" onClick=${() =>
        cancelJob(job.jobId)}>Cancel</button>`
      : null
  }
    </form>
    <${ErrorNotice} error=${error} />
    ${job ? html`<${StreamNotice} state=${state} />` : null}
    ${job ? html`<${ProgressView} job=${job} />` : null}
    ${job?.game ? html`<${GameView} game=${job.game} />` : null}
  </section>` as VNode;
}
