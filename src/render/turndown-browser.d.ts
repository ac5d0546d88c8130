// turndown's browser build (see markdown.ts): the same TurndownService as its Node build, typed as it.
declare module 'turndown/lib/turndown.browser.cjs.js' {
  import TurndownService from 'turndown';
  export default TurndownService;
}
