/// <reference lib="dom" />
import type { VNode } from "preact";
import { html } from "../html.ts";
import { type JobView, progressLabel } from "./job-state.ts";

/** The job's progress bar, its phases (each ticked once its analysis came), and its state. */
export function ProgressView({ job }: { job: JobView }): VNode {
  const percent = job.status === "completed" ? 100 : Math.floor(job.progress?.percent ?? 0);
  return html`<div class="progress" id="job" data-job=${job.jobId} data-status=${job.status}>
    <progress id="job-progress" max="100" value=${percent} data-percent=${percent}></progress>
    <span id="job-label">${progressLabel(job)}</span>
    <ol class="phases">${
    job.phases.map((depth, i) => {
      const done = job.phasesDone.includes(i + 1);
      const current = job.progress?.phase === i + 1 && !done;
      return html`
        <li class=${done ? "phase done" : current ? "phase current" : "phase"}
          data-phase=${i + 1}>phase ${i + 1}: depth ${depth}${done ? " ✓" : ""}</li>
      `;
    })
  }</ol>
    ${job.error ? html`<p class="notice error" role="alert">${job.error}</p>` : null}
  </div>` as VNode;
}
