/**
 * Preact's `h` through htm's tagged templates (`html\`<p>${x}</p>\``): markup without a JSX
 * build step.
 */
export { html } from "htm/preact";
