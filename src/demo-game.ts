/** The famous game the demo analyses: Morphy's Opera Game, Paris 1858 (33 plies, ends in mate). */
export const OPERA_GAME_PGN = "1. e4 e5 2. Nf3 d6 3. d4 Bg4 4. dxe5 Bxf3 5. Qxf3 dxe5 6. Bc4 Nf6 " +
  "7. Qb3 Qe7 8. Nc3 c6 9. Bg5 b5 10. Nxb5 cxb5 11. Bxb5+ Nbd7 12. O-O-O Rd8 13. Rxd7 Rxd7 " +
  "14. Rd1 Qe6 15. Bxd7+ Nxd7 16. Qb8+ Nxb8 17. Rd8# 1-0";

/**
 * The demo's two shell lines for a whole-game analysis on the gateway at `base`: submit the
 * Opera Game (keeping its job id in JOB), then follow the job's events until `done`.
 */
export function gameCurls(base: string): [submit: string, follow: string] {
  const body = JSON.stringify({ game_id: "opera-1858", pgn: OPERA_GAME_PGN });
  return [
    `JOB=$(curl -s -XPOST ${base}/v1/games -H 'content-type: application/json' -d '${body}' ` +
    `| sed -E 's/.*"job_id":"([^"]+)".*/\\1/')`,
    `curl -N ${base}/v1/jobs/$JOB/events`,
  ];
}
