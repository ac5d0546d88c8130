/**
 * `feedclean learn INPUTS…`: every item of the inputs cleaned by the packs in force (the built-in
 * ones, without their site packs under --no-site-packs, and those of --rules), handed to the
 * Learner one by one on this thread, in input order (so the same inputs give the same file), and
 * the learned rules file written to stdout. Inputs that fail are said on stderr and left out.
 */
import { isFeedcleanError } from '../errors.js';
import { Learner } from '../learn/learner.js';
import { DEFAULT_THRESHOLDS } from '../learn/propose.js';
import { count, renderLearned } from '../learn/render.js';
import { normalizeEach } from '../pipeline.js';
import { builtInBasePacks, builtInPacks } from '../rules/index.js';
import { loadRuleFiles } from '../rules/load.js';
import { findInputs, inputNames, type CliIO } from './execute.js';
import { failure, readJobInput } from './job.js';
import { EXIT_INPUT_FAILED, EXIT_OK, usageError, type LearnPlan } from './plan.js';
import type { LoadedRules } from './rules-command.js';
import { displayName, oneLine } from './session.js';

export async function runLearn(plan: LearnPlan, rules: LoadedRules, io: CliIO): Promise<number> {
  const { options } = plan;
  const names = await inputNames(plan, io);
  if ('error' in names) {
    io.stderr.write(`${names.error}\n`);
    return EXIT_INPUT_FAILED;
  }
  const stop = new AbortController();
  const inputs = await findInputs(plan, names, io, stop.signal);
  if ('usage' in inputs) {
    io.stderr.write(usageError(inputs.usage).stderr);
    return usageError(inputs.usage).code;
  }
  const packs = [...loadRuleFiles(rules.files), ...(options.sitePacks === false ? builtInBasePacks : builtInPacks)];
  const learner = new Learner({
    minShare: options.minShare ?? DEFAULT_THRESHOLDS.minShare,
    minItems: options.minItems ?? DEFAULT_THRESHOLDS.minItems,
  });
  let failed = 0;
  let inputCount = 0;
  const say = (name: string, message: string) => io.stderr.write(`feedclean: ${displayName(name)}: ${oneLine(message)}\n`);
  for await (const entry of inputs.entries) {
    inputCount++;
    if ('error' in entry) {
      say(entry.name, entry.error);
      failed++;
      continue;
    }
    try {
      const job = await entry.job;
      const items = normalizeEach(readJobInput(job), {
        input: job.name,
        packs,
        outputs: ['html'],
        onEntryError: (error, index) => say(job.name, `entry ${index + 1}: ${failure(error)}`),
      });
      for (const item of items) learner.add(item);
    } catch (error) {
      say(entry.name, isFeedcleanError(error) ? error.message : failure(error));
      failed++;
    }
  }
  const sources = learner.sources();
  io.stdout.write(renderLearned(sources, learner.totals, learner.thresholds));
  if (!options.quiet) {
    const rulesLearned = sources.reduce((n, s) => n + s.proposals.length + (s.date?.offsetHours != null ? 1 : 0), 0);
    const { items, sources: seen } = learner.totals;
    io.stderr.write(
      `feedclean: learned ${count(rulesLearned, 'rule')} for ${sources.length} of ${count(seen, 'source')} from ${count(items, 'item')} (${count(inputCount, 'input')}${failed ? `, ${failed} failed` : ''})\n`,
    );
  }
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}
