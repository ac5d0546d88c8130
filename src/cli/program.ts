/** The command line's shape (commander), kept apart from what it does. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isWebUrl } from '../urls.js';

export interface CliOptions {
  format: 'md' | 'json' | 'ndjson' | 'jsonfeed';
  output?: string;
  frontMatter: boolean;
  keepProxies: boolean;
  gallery: boolean;
  /** `--base URL`: where the inputs came from, for relative URLs they cannot resolve themselves. */
  base?: string;
  force: boolean;
  keepDirs: boolean;
  /** Absent: the number of CPUs, or 1 for an NDJSON stream (main.ts decides). */
  jobs?: number;
  /** Seconds; undefined when not given (120 then: see main.ts). */
  timeout?: number;
  include: string[];
  exclude: string[];
  filesFrom?: string;
  null: boolean;
  inputFormat: 'auto' | 'ndjson';
  quiet: boolean;
  rules: string[];
  explain: boolean;
  /** Exit 0 when only inputs failed (each still reported on stderr): for engines that fail a task on any non-zero exit. */
  tolerateInputErrors: boolean;
  /** JSON output in ASCII alone (\u escapes), for readers that do not decode UTF-8. */
  ascii: boolean;
  /** false with --no-site-packs: the built-in generic and mirror packs only. */
  sitePacks: boolean;
  /** `feedclean learn` thresholds (absent: its defaults). */
  minShare?: number;
  minItems?: number;
}

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}`);
    return n;
  };
}

/** The same check the library makes of a base (an http(s) URL the URL standard parses), made here as a usage error. */
function webAddress(value: string): string {
  if (!isWebUrl(value.trim())) throw new InvalidArgumentError('--base must be an absolute http(s) URL');
  return value.trim();
}

// Node's timers take at most 2^31 - 1 ms; anything longer would fire at once.
const MAX_TIMEOUT_SECONDS = 2_147_483;

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('--timeout is a number of seconds (0: no limit)');
  if (n > MAX_TIMEOUT_SECONDS)
    throw new InvalidArgumentError(`--timeout is at most ${MAX_TIMEOUT_SECONDS} seconds (24 days); 0 means no limit`);
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!/^(0?\.\d+|1(\.0*)?)$/.test(value) || n <= 0)
    throw new InvalidArgumentError('--min-share is a share above 0 and at most 1 (0.3: 30%)');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

const EXAMPLES = `
Examples:
  feedclean item.md                      clean one dump, Markdown on stdout
  cat item.md | feedclean -f json        from stdin, JSON on stdout
  feedclean -f ndjson archive/ > out.ndjson
                                         a directory, walked recursively, one JSON item per line
  feedclean -o clean/ archive/           one Markdown file per item, named YYYY-MM-DD-<slug>.md
  feedclean -f jsonfeed feed.xml         one JSON Feed 1.1 document of every item
  feedclean -o clean/ --keep-dirs -j 4 archive/
                                         four worker threads, the input tree mirrored; run it
                                         again after an interruption to finish the rest
  find archive -name '*.md' -print0 | feedclean --files-from - -0 -f ndjson
  feedclean --input-format ndjson -f ndjson < in.ndjson > out.ndjson
                                         streaming filter: {"content": …, "name": …} per line
  feedclean --rules mirror.yaml --explain item.md
                                         with your own rule packs, saying what each rule did
  feedclean learn archive/ > learned.yaml
                                         rules learned from what repeats in each source's items;
                                         review them, then: feedclean --rules learned.yaml -o clean/ archive/
  feedclean rules [--rules FILE] [-f json]
                                         list the built-in rule packs and those loaded
                                         (a file or directory named "rules": write ./rules)

Inputs: feed-mirror dumps, RSS/Atom/RDF/JSON Feed files, HTML fragments; files or directories
(taking .md .txt .html .htm .xml .rss .atom .rdf .json files, hidden files skipped); "-" or no
input reads stdin.
Exit status: 0 all inputs succeeded, 1 some input failed (the others are still written; 0 with
--tolerate-input-errors), 2 usage error
or bad rules file,
130/143 interrupted (every output written is whole), 74 output could not be written, 70 internal error (a bug).`;

export function buildProgram(version: string): Command {
  return new Command('feedclean')
    .description('Turn raw feed items (feed-mirror dumps, RSS/Atom/RDF/CDF/JSON Feed, HTML fragments) into clean Markdown or JSON.')
    .version(version, '-V, --version')
    .argument('[inputs...]', 'files or directories; "-" or none for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'ndjson', 'jsonfeed']).default('md'))
    .option('-o, --output <dir>', 'write one file per item into DIR (created if missing)')
    .option('--no-front-matter', 'Markdown without the YAML front matter')
    .option('--keep-proxies', 'leave image-proxy URLs as they are', false)
    .option('--no-gallery', 'leave galleries out of the output')
    .option('--base <url>', 'resolve relative URLs the input cannot resolve itself against URL (where it came from)', webAddress)
    .option('--force', 'with -o, overwrite existing output files (by default they are kept and skipped)', false)
    .option('--keep-dirs', 'with -o, mirror the input directory tree', false)
    .option(
      '-j, --jobs <n>',
      'worker threads (default: the number of CPUs; 1 for fewer than 16 inputs under 4 MiB, which finish sooner without workers, and with --input-format ndjson, whose runner starts one copy per CPU)',
      positiveInteger('--jobs', 256),
    )
    .option(
      '--timeout <seconds>',
      'on worker threads, give up on one input after this long (default: 120; 0: never); given, even a few small inputs run on workers',
      seconds,
    )
    .option('--include <glob>', 'in directories, take files matching GLOB (repeatable; default: the feed and dump extensions)', collect, [])
    .option('--exclude <glob>', 'in directories, skip files and directories matching GLOB (repeatable)', collect, [])
    .option('--files-from <file>', 'read input names from FILE ("-": stdin), one per line')
    .option('-0, --null', 'with --files-from, names are separated by NUL characters', false)
    .addOption(
      new Option('--input-format <kind>', 'auto: files as they are; ndjson: each line of the inputs is {"content", "name"}')
        .choices(['auto', 'ndjson'])
        .default('auto'),
    )
    .option('-q, --quiet', 'no progress bar, no summary line (errors and warnings still go to stderr)', false)
    .option('--rules <file>', 'add the rule packs in FILE (JSON or YAML, see schema/rules.schema.json; repeatable)', collect, [])
    .option(
      '--explain',
      'say which rules fired and what they removed or rewrote: an "explain" field in JSON, lines on stderr for Markdown',
      false,
    )
    .option(
      '--tolerate-input-errors',
      'exit 0 when only inputs failed (each is still reported on stderr): for Hadoop Streaming, Spark pipe() and the like, which fail the whole task on any non-zero exit',
      false,
    )
    .option('--ascii', 'JSON, NDJSON and JSON Feed output in ASCII alone (\\u escapes), for readers that do not decode UTF-8', false)
    .option('--no-site-packs', "leave the built-in site packs out (generic and mirror packs only): how learn's rules are tested")
    .option('--min-share <share>', "learn: the share of a source's items a block must repeat in (default 0.3)", share)
    .option('--min-items <n>', 'learn: the items a block must repeat in (default 5)', positiveInteger('--min-items', 1_000_000))
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
}
