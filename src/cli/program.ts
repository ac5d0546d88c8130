/** The command line's shape (commander), kept apart from what it does. */
import { Command, Option } from 'commander';

export interface CliOptions {
  format: 'md' | 'json' | 'ndjson' | 'jsonfeed';
  output?: string;
  frontMatter: boolean;
  keepProxies: boolean;
  gallery: boolean;
  force: boolean;
}

const EXAMPLES = `
Examples:
  feedclean item.md                      clean one dump, Markdown on stdout
  cat item.md | feedclean -f json        from stdin, JSON on stdout
  feedclean -f ndjson archive/ > out.ndjson
                                         a directory, walked recursively, one JSON item per line
  feedclean -o clean/ archive/           one Markdown file per item, named YYYY-MM-DD-<slug>.md
  feedclean -f jsonfeed feed.xml         one JSON Feed 1.1 document of every item

Inputs: feed-mirror dumps, RSS/Atom/RDF/JSON Feed files, HTML fragments; files or directories
(taking .md .txt .html .htm .xml .rss .atom .rdf .json files, hidden files skipped); "-" or no
input reads stdin.
Exit status: 0 all inputs succeeded, 1 some input failed (the others are still written), 2 usage error.`;

export function buildProgram(version: string): Command {
  return new Command('feedclean')
    .description('Turn raw feed items (feed-mirror dumps, HTML fragments) into clean Markdown or JSON.')
    .version(version, '-V, --version')
    .argument('[inputs...]', 'files or directories; "-" or none for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'ndjson', 'jsonfeed']).default('md'))
    .option('-o, --output <dir>', 'write one file per item into DIR (created if missing)')
    .option('--no-front-matter', 'Markdown without the YAML front matter')
    .option('--keep-proxies', 'leave image-proxy URLs as they are', false)
    .option('--no-gallery', 'leave galleries out of the output')
    .option('--force', 'with -o, overwrite existing output files', false)
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
}
