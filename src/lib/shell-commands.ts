/**
 * The commands in a runbook's code block: where each one starts and ends, what a copy of it puts on
 * the clipboard, and whether running it changes a system (a restart, a flush, a delete, a POST) or
 * only reads (status, logs, GET, SELECT). Also finds API paths written without a host
 * (`curl -X GET /api/health/payment`) and gives them an explicit `$API_URL` placeholder.
 *
 * Pure: no DOM, no Expressive Code. The code-block plugin (src/plugins/expressive-code/) renders
 * what this module finds; tests/unit/shell-commands.test.ts runs it over every block in content/docs.
 * Change detection is a heuristic over the command words; authors override it in the fence meta
 * (`changes={2}`, `safe={3}`).
 */

export type CommandLanguage = 'shell' | 'sql';

const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'shellscript', 'zsh', 'ksh', 'console', 'shellsession', 'terminal']);
const SQL_LANGUAGES = new Set(['sql', 'pgsql', 'postgres', 'postgresql', 'psql', 'plpgsql', 'mysql', 'sqlite']);
/** Languages whose lines without a `$ ` prompt are output, not commands. */
const SESSION_LANGUAGES = new Set(['console', 'shellsession']);

/** Which kind of commands a fence language holds; undefined for everything else (yaml, json, text...). */
export function commandLanguage(language: string | undefined): CommandLanguage | undefined {
  const lang = (language ?? '').toLowerCase();
  if (SHELL_LANGUAGES.has(lang)) return 'shell';
  if (SQL_LANGUAGES.has(lang)) return 'sql';
  return undefined;
}

export interface Command {
  /** 0-based index of the command's first and last line in the block. */
  firstLine: number;
  lastLine: number;
  /** What a copy puts on the clipboard: the command's own lines, without comments or prompt, dedented. */
  text: string;
  /** What in it changes a system ("docker restart", "redis-cli FLUSHDB"); undefined when it only reads. */
  change?: string;
}

// ---------------------------------------------------------------------------------------------
// Splitting a block into commands
// ---------------------------------------------------------------------------------------------

const BLANK = /^\s*$/;
const SHELL_COMMENT = /^\s*#/;
const SQL_COMMENT = /^\s*--/;
const PROMPT = /^(\s*)\$\s+/;
/** A line typed into an interactive prompt the previous command opened (`php artisan tinker`, `>>> ...`). */
const REPL_PROMPT = /^(\s*)(>>>|\.\.\.)\s?/;

/** The commands of a code block, in order, with what each changes. */
export function splitCommands(code: string, language: CommandLanguage, fenceLanguage = ''): Command[] {
  const commands = language === 'sql' ? splitSqlStatements(code) : splitShellCommands(code, SESSION_LANGUAGES.has(fenceLanguage.toLowerCase()));
  return commands.map((command) => {
    const change = language === 'sql' ? detectSqlChange(command.text) : detectShellChange(command.text);
    return change ? { ...command, change } : command;
  });
}

interface ShellLineScan {
  /** Where an unquoted `#` comment starts (the line's length when there is none). */
  codeEnd: number;
  /** The quote still open at the end of the line, if any. */
  openQuote: '' | "'" | '"';
  /** Delimiters of heredocs (`<<EOF`, `<<-'EOF'`) started on this line. */
  heredocs: { delimiter: string; stripTabs: boolean }[];
}

/** Reads one line of shell: its comment, an open quote carried to the next line, heredocs it starts. */
function scanShellLine(line: string, openQuote: '' | "'" | '"'): ShellLineScan {
  let quote = openQuote;
  const heredocs: ShellLineScan['heredocs'] = [];
  let depth = 0; // inside $( ... )
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '$' && line[i + 1] === '(') depth++, i++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === '#' && (i === 0 || /[\s;|&(]/.test(line[i - 1]))) return { codeEnd: i, openQuote: '', heredocs };
    else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      const match = /^<<(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/.exec(line.slice(i));
      if (match) {
        heredocs.push({ delimiter: match[2] ?? match[3] ?? match[4], stripTabs: match[1] === '-' });
        i += match[0].length - 1;
      }
    }
  }
  return { codeEnd: line.length, openQuote: quote, heredocs };
}

/** A line that ends in a backslash (an odd number of them) continues on the next line. */
function endsWithContinuation(code: string): boolean {
  const trailing = /\\+$/.exec(code.trimEnd());
  return !!trailing && trailing[0].length % 2 === 1;
}

/** A line ending in a pipe or an and/or list continues on the next line, as in a shell. */
function endsWithOperator(code: string): boolean {
  return /(\|\||&&|\|)\s*$/.test(code);
}

/** Removes the indentation the lines share (code blocks inside list items are indented). */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => !BLANK.test(l)).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common));
}

/**
 * Shell: comment lines and blank lines are not commands; a trailing `\`, an unclosed quote or a
 * trailing `|`/`&&`/`||` continues a command onto the next line; a heredoc's body stays with its
 * command; `a && b | c` on one line is one command. A `$ ` prompt is not part of the copy, and in a
 * console session only prompted lines are commands. `>>> ...` lines (input to an interactive prompt
 * such as `php artisan tinker`) are commands of their own, without the `>>>`.
 */
export function splitShellCommands(code: string, session = false): Command[] {
  const lines = code.split('\n');
  const prompted = session && lines.some((l) => PROMPT.test(l));
  const commands: Command[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line) || SHELL_COMMENT.test(line) || (prompted && !PROMPT.test(line))) {
      i++;
      continue;
    }
    const repl = REPL_PROMPT.exec(line);
    if (repl) {
      commands.push({ firstLine: i, lastLine: i, text: line.slice(repl[0].length).trim() });
      i++;
      continue;
    }
    const first = i;
    const parts: string[] = [];
    let quote: '' | "'" | '"' = '';
    for (;;) {
      const current = lines[i];
      const scan = scanShellLine(current, quote);
      const inQuote = quote !== '';
      quote = scan.openQuote;
      // Inside a multi-line quoted string every character is the command's, `#` included.
      parts.push(inQuote ? current : current.slice(0, scan.codeEnd).trimEnd());
      for (const heredoc of scan.heredocs) {
        while (i + 1 < lines.length) {
          i++;
          parts.push(lines[i]);
          const body = heredoc.stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
          if (body.trim() === heredoc.delimiter) break;
        }
      }
      const code = parts[parts.length - 1];
      const continues = quote !== '' || (scan.heredocs.length === 0 && (endsWithContinuation(code) || endsWithOperator(code)));
      if (!continues || i + 1 >= lines.length) break;
      i++;
    }
    const body = dedent(parts);
    body[0] = body[0].replace(PROMPT, '');
    // A block can end inside a continuation: drop the dangling `\` so the copy does not wait for more.
    const last = body.length - 1;
    if (i + 1 >= lines.length && endsWithContinuation(body[last])) body[last] = body[last].trimEnd().replace(/\\$/, '').trimEnd();
    commands.push({ firstLine: first, lastLine: i, text: body.join('\n').trim() });
    i++;
  }
  return commands;
}

/** Where a `--` comment starts in a line of SQL, outside quotes; the line's length when none. */
function sqlCodeEnd(line: string, openQuote: string): { codeEnd: number; openQuote: string } {
  let quote = openQuote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '-' && line[i + 1] === '-') return { codeEnd: i, openQuote: '' };
  }
  return { codeEnd: line.length, openQuote: quote };
}

/**
 * SQL: statements end with `;` (or a blank line, or the end of the block); `--` comment lines and
 * comments at the end of a line are not copied.
 */
export function splitSqlStatements(code: string): Command[] {
  const lines = code.split('\n');
  const statements: Command[] = [];
  let current: { first: number; last: number; parts: string[] } | undefined;
  let quote = '';
  const finish = () => {
    if (current) statements.push({ firstLine: current.first, lastLine: current.last, text: dedent(current.parts).join('\n').trim() });
    current = undefined;
  };
  lines.forEach((line, index) => {
    if (!quote && (BLANK.test(line) || SQL_COMMENT.test(line))) {
      if (BLANK.test(line)) finish();
      return;
    }
    const scan = sqlCodeEnd(line, quote);
    quote = scan.openQuote;
    const code = line.slice(0, scan.codeEnd).trimEnd();
    current ??= { first: index, last: index, parts: [] };
    current.parts.push(code);
    current.last = index;
    if (!quote && code.endsWith(';')) finish();
  });
  finish();
  return statements;
}

// ---------------------------------------------------------------------------------------------
// Shell words
// ---------------------------------------------------------------------------------------------

export interface ShellWord {
  kind: 'word';
  /** The word as the shell passes it on: quotes removed, escapes resolved. */
  value: string;
  /** The word as written. */
  raw: string;
  /** Offsets of the word in the command text, quotes included. */
  start: number;
  end: number;
  quoted: boolean;
}
interface ShellOperator {
  kind: 'op';
  value: string;
  start: number;
  end: number;
}
interface Heredoc {
  kind: 'heredoc';
  body: string;
}
type ShellToken = ShellWord | ShellOperator | Heredoc;

const CONTROL_OPERATORS = ['&&', '||', ';;', '|&', '|', ';', '&', '(', ')'];
const REDIRECTIONS = /^(?:\d*(?:>>|>&|>\||<>|<&|>|<)|&>>?)/;

/**
 * Splits a command into words and operators, as a POSIX shell would: quotes, escapes, `$( )`,
 * comments, line continuations, redirections and heredoc bodies.
 */
export function shellTokens(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let i = 0;
  let word: ShellWord | undefined;
  const flush = () => {
    if (word) tokens.push({ ...word, raw: text.slice(word.start, word.end) });
    word = undefined;
  };
  const startWord = () => (word ??= { kind: 'word', value: '', raw: '', start: i, end: i, quoted: false });
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t') {
      flush();
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', value: '\n', start: i, end: i + 1 });
      i++;
      // Heredoc bodies start on the line after the operator that opened them.
      for (const heredoc of pendingHeredocs.splice(0)) {
        const body: string[] = [];
        while (i < text.length) {
          const end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
          const line = text.slice(i, end);
          i = end + 1;
          if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line).trim() === heredoc.delimiter) break;
          body.push(line);
        }
        tokens.push({ kind: 'heredoc', body: body.join('\n') });
      }
      continue;
    }
    if (!word && c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    // Only these characters can start a redirection or a heredoc: the checks below stay off the
    // other characters (this runs for every character of every command of a build).
    const redirectable = c === '<' || c === '>' || c === '&' || (c >= '0' && c <= '9');
    if (redirectable && (!word || /^\d+$/.test(word.value))) {
      const heredoc = c === '<' ? /^<<(-?)\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/.exec(text.slice(i)) : null;
      if (heredoc && text[i + 2] !== '<') {
        word = undefined;
        pendingHeredocs.push({ delimiter: heredoc[2] ?? heredoc[3] ?? heredoc[4], stripTabs: heredoc[1] === '-' });
        tokens.push({ kind: 'op', value: '<<', start: i, end: i + heredoc[0].length });
        i += heredoc[0].length;
        continue;
      }
      const redirect = REDIRECTIONS.exec((word?.value ?? '') + text.slice(i));
      if (redirect && !text.startsWith('<(', i) && !text.startsWith('>(', i)) {
        const start = word?.start ?? i;
        word = undefined;
        const length = redirect[0].length - (start === i ? 0 : i - start);
        tokens.push({ kind: 'op', value: redirect[0].replace(/^\d+/, ''), start, end: i + length });
        i += length;
        continue;
      }
    }
    const operator = c === '&' || c === '|' || c === ';' || c === '(' || c === ')' ? CONTROL_OPERATORS.find((op) => text.startsWith(op, i)) : undefined;
    if (operator && !(operator === '(' && word)) {
      flush();
      tokens.push({ kind: 'op', value: operator, start: i, end: i + operator.length });
      i += operator.length;
      continue;
    }
    const w = startWord();
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end === -1 ? text.length : end;
      w.value += text.slice(i + 1, stop);
      w.quoted = true;
      i = stop + 1;
    } else if (c === '"') {
      w.quoted = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) {
          if (text[i + 1] !== '\n') w.value += text[i + 1];
          i += 2;
        } else if (text[i] === '$' && text[i + 1] === '(') {
          const end = matchingParen(text, i + 1);
          w.value += text.slice(i, end + 1);
          i = end + 1;
        } else w.value += text[i++];
      }
      i++;
    } else if (c === '\\') {
      w.value += text[i + 1] ?? '';
      i += 2;
    } else if (c === '$' && text[i + 1] === '(') {
      const end = matchingParen(text, i + 1);
      w.value += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end === -1 ? text.length : end;
      w.value += text.slice(i, stop + 1);
      i = stop + 1;
    } else {
      w.value += c;
      i++;
    }
    w.end = Math.min(i, text.length);
  }
  flush();
  return tokens;
}

/** Index of the `)` that closes the `(` at `open`, skipping quoted text; the text's end if none. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

interface SimpleCommand {
  words: ShellWord[];
  heredocs: string[];
}

/** The simple commands of a command line: split at `|`, `&&`, `;`, newlines...; redirections dropped. */
function simpleCommands(text: string): SimpleCommand[] {
  const result: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], heredocs: [] };
  let skipNext = false;
  const tokens = shellTokens(text);
  for (const token of tokens) {
    if (token.kind === 'heredoc') {
      // The body belongs to the last command that opened a heredoc.
      const owner = [...result, current].reverse().find((c) => c.words.length);
      owner?.heredocs.push(token.body);
      continue;
    }
    if (token.kind === 'op') {
      if (token.value === '<<') continue;
      if (/[<>]/.test(token.value)) {
        skipNext = true;
        continue;
      }
      if (current.words.length) result.push(current);
      current = { words: [], heredocs: [] };
      continue;
    }
    if (skipNext) {
      skipNext = false;
      continue;
    }
    current.words.push(token);
  }
  if (current.words.length) result.push(current);
  return result;
}

// ---------------------------------------------------------------------------------------------
// What changes a system
// ---------------------------------------------------------------------------------------------

/** The positional arguments of a word list, skipping options and the values of `withValue` options. */
function positionals(args: string[], withValue: Set<string> = new Set()): string[] {
  const result: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return [...result, ...args.slice(i + 1)];
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && withValue.has(arg)) i++;
      continue;
    }
    result.push(arg);
  }
  return result;
}

/** The words after the `n`th positional argument (the command a wrapper such as `docker exec` runs). */
function afterPositional(args: string[], n: number, withValue: Set<string> = new Set()): string[] {
  let seen = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return args.slice(i + 1);
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && withValue.has(arg)) i++;
      continue;
    }
    if (++seen === n) return args.slice(i + 1);
  }
  return [];
}

/** The value of an option: `-X POST`, `-XPOST`, `--request POST`, `--request=POST`. */
function optionValue(args: string[], names: string[]): string | undefined {
  let value: string | undefined;
  args.forEach((arg, i) => {
    for (const name of names) {
      if (arg === name && i + 1 < args.length) value = args[i + 1];
      else if (name.startsWith('--') && arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
      else if (!name.startsWith('--') && arg.startsWith(name) && arg.length > name.length) value = arg.slice(name.length);
    }
  });
  return value;
}

const set = (...words: string[]) => new Set(words);

const SYSTEMCTL_CHANGES = set('start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart', 'try-reload-or-restart', 'enable', 'disable', 'reenable', 'mask', 'unmask', 'kill', 'isolate', 'daemon-reload', 'reboot', 'poweroff', 'halt', 'set-property', 'edit', 'reset-failed', 'rescue', 'emergency');
const SERVICE_CHANGES = set('start', 'stop', 'restart', 'reload', 'force-reload', 'try-restart');
const SUPERVISORCTL_CHANGES = set('start', 'stop', 'restart', 'reload', 'update', 'remove', 'add', 'clear', 'shutdown', 'signal');
const DOCKER_CHANGES = set('restart', 'stop', 'start', 'kill', 'rm', 'rmi', 'run', 'pause', 'unpause', 'update', 'rename', 'create', 'commit', 'push', 'load', 'import', 'prune', 'deploy', 'scale', 'rollback', 'remove', 'down', 'up', 'attach', 'cp');
const DOCKER_MANAGEMENT = set('system', 'image', 'container', 'volume', 'network', 'builder', 'buildx', 'service', 'stack', 'node', 'secret', 'config', 'plugin', 'swarm', 'context', 'trust', 'manifest');
const DOCKER_GLOBAL_VALUES = set('-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey');
const COMPOSE_CHANGES = set('down', 'up', 'restart', 'stop', 'start', 'kill', 'rm', 'pause', 'unpause', 'scale', 'create', 'cp', 'push', 'watch');
const COMPOSE_GLOBAL_VALUES = set('-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi', '--progress', '--parallel');
const COMPOSE_EXEC_VALUES = set('-u', '--user', '-w', '--workdir', '-e', '--env', '--index');
const DOCKER_EXEC_VALUES = set('-u', '--user', '-w', '--workdir', '-e', '--env', '--env-file', '--detach-keys');
const KUBECTL_CHANGES = set('delete', 'scale', 'apply', 'patch', 'drain', 'cordon', 'uncordon', 'edit', 'replace', 'set', 'label', 'annotate', 'create', 'expose', 'autoscale', 'taint', 'run', 'cp');
const KUBECTL_ROLLOUT_CHANGES = set('restart', 'undo', 'pause', 'resume');
const KUBECTL_GLOBAL_VALUES = set('-n', '--namespace', '--context', '--cluster', '--user', '-s', '--server', '--kubeconfig', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container', '--as');
const HELM_CHANGES = set('install', 'upgrade', 'uninstall', 'delete', 'rollback');
const TERRAFORM_CHANGES = set('apply', 'destroy', 'import', 'taint', 'untaint');
const GIT_CHANGES = set('push', 'pull', 'reset', 'rebase', 'merge', 'commit', 'clean', 'checkout', 'switch', 'revert', 'cherry-pick', 'stash', 'rm', 'mv', 'apply', 'am', 'restore');
const GIT_GLOBAL_VALUES = set('-C', '-c', '--git-dir', '--work-tree');
const RAILWAY_CHANGES = set('restart', 'up', 'down', 'redeploy', 'rollback', 'delete', 'deploy', 'scale');
const PM2_CHANGES = set('restart', 'stop', 'delete', 'reload', 'kill', 'start', 'scale', 'flush', 'reset', 'gracefulreload');
const RABBITMQ_CHANGES = set('purge_queue', 'delete_queue', 'stop_app', 'start_app', 'stop', 'reset', 'force_reset', 'close_connection', 'close_all_connections', 'delete_user', 'set_policy', 'clear_policy');
const PACKAGE_MANAGERS = set('apt', 'apt-get', 'yum', 'dnf', 'apk', 'snap', 'brew', 'zypper', 'pacman', 'pip', 'pip3', 'npm', 'yarn', 'pnpm', 'gem', 'composer');
const PACKAGE_CHANGES = set('install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'uninstall', 'add', 'del', 'erase', 'ci', 'update', 'require', 'publish', 'reinstall', 'downgrade');
const FILE_CHANGES = set('rm', 'rmdir', 'mv', 'truncate', 'shred', 'chmod', 'chown', 'chgrp', 'dd', 'fdisk', 'parted', 'wipefs', 'mkswap', 'swapoff', 'mount', 'umount', 'unlink', 'rsync');
const POWER = set('reboot', 'shutdown', 'halt', 'poweroff');
const KILL = set('kill', 'pkill', 'killall', 'skill', 'xkill');
const CERTBOT_CHANGES = set('renew', 'revoke', 'delete', 'certonly', 'run', 'install', 'register', 'unregister', 'update_account', 'reconfigure', 'rollback', 'enhance');
const CERTBOT_VALUES = set('-d', '--domains', '--cert-name', '-a', '--authenticator', '-i', '--installer', '-m', '--email', '--config-dir', '--work-dir', '--logs-dir', '--webroot-path', '-w', '--server', '--preferred-challenges', '--deploy-hook', '--pre-hook', '--post-hook', '-c', '--config');
const ARTISAN_READS = /^(tinker|list|help|about|env|inspire|migrate:status|route:list|schedule:list|queue:failed|queue:monitor|model:show|db:show|db:table|db:monitor|event:list|channel:list|config:show|horizon:status|horizon:list|pulse:check)$/;
const ARTISAN_CHANGES = /^(migrate(:[\w-]+)?|[\w-]+:clear|[\w-]+:cache|[\w-]+:restart|[\w-]+:retry|[\w-]+:flush|[\w-]+:forget|[\w-]+:prune|[\w-]+:terminate|[\w-]+:pause|[\w-]+:continue|[\w-]+:purge|down|up|optimize|db:seed|db:wipe|key:generate|storage:link|queue:work|schedule:run)$/;
const REDIS_VALUES = set('-h', '-p', '-a', '-n', '-u', '-s', '-r', '-i', '-d', '--user', '--pass', '--askpass', '--pattern', '--count', '--memkeys-samples', '--cacert', '--cert', '--key', '--sni', '-e', '--rdb', '--functions-rdb');
const REDIS_CHANGES = set('FLUSHALL', 'FLUSHDB', 'DEL', 'UNLINK', 'SET', 'SETEX', 'PSETEX', 'SETNX', 'SETRANGE', 'MSET', 'MSETNX', 'GETSET', 'GETDEL', 'GETEX', 'APPEND', 'INCR', 'INCRBY', 'INCRBYFLOAT', 'DECR', 'DECRBY', 'HSET', 'HSETNX', 'HMSET', 'HDEL', 'HINCRBY', 'HINCRBYFLOAT', 'LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX', 'LPOP', 'RPOP', 'RPOPLPUSH', 'LMOVE', 'BLPOP', 'BRPOP', 'LREM', 'LSET', 'LTRIM', 'LINSERT', 'SADD', 'SREM', 'SPOP', 'SMOVE', 'ZADD', 'ZREM', 'ZINCRBY', 'ZPOPMIN', 'ZPOPMAX', 'ZREMRANGEBYSCORE', 'ZREMRANGEBYRANK', 'EXPIRE', 'EXPIREAT', 'PEXPIRE', 'PEXPIREAT', 'PERSIST', 'RENAME', 'RENAMENX', 'MOVE', 'COPY', 'RESTORE', 'SHUTDOWN', 'SLAVEOF', 'REPLICAOF', 'FAILOVER', 'SWAPDB', 'XADD', 'XDEL', 'XTRIM', 'XGROUP', 'DEBUG', 'MIGRATE', 'PFADD', 'GEOADD', 'SETBIT', 'BITOP', 'EVAL', 'EVALSHA', 'FCALL');
const REDIS_SUBCOMMAND_CHANGES: Record<string, Set<string>> = {
  CONFIG: set('SET', 'RESETSTAT', 'REWRITE'),
  CLIENT: set('KILL', 'PAUSE', 'NO-EVICT'),
  SCRIPT: set('FLUSH', 'KILL', 'LOAD'),
  FUNCTION: set('DELETE', 'FLUSH', 'LOAD', 'RESTORE'),
  CLUSTER: set('RESET', 'FAILOVER', 'FORGET', 'MEET', 'ADDSLOTS', 'DELSLOTS', 'SETSLOT', 'REPLICATE', 'FLUSHSLOTS'),
  ACL: set('SETUSER', 'DELUSER', 'LOAD', 'SAVE'),
  MEMORY: set('PURGE'),
  SLOWLOG: set('RESET'),
  LATENCY: set('RESET'),
};
/** Arguments of a script that name an action which changes a system (`-Operation restore`). */
const SCRIPT_CHANGE_WORDS = /^(restart|restore|rollback|roll-back|deploy|redeploy|migrate|migration|maintenance|delete|drop|flush|reset|purge|kill|stop|shutdown|failover|truncate|wipe|cleanup|clean-up|prune|scale|upgrade|downgrade|rotate|disable|enable)$/i;
const SCRIPT_CHANGE_NAMES = /(rollback|restore|deploy|migrat|reset|restart|cleanup|purge|flush|failover|wipe|teardown|destroy)/i;

/** `sudo`, `env X=1`, `nohup`, `timeout 5`, `xargs -r` and the like run the command that follows. */
function stripPrefixes(words: string[]): string[] {
  let rest = words;
  for (;;) {
    const [head, ...tail] = rest;
    if (head === undefined) return rest;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(head)) rest = tail;
    else if (head === 'sudo' || head === 'doas') rest = afterOptions(tail, set('-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '-D', '--chdir', '-r', '-t', '-U'));
    else if (head === 'env') rest = afterOptions(tail, set('-u', '--unset', '-C', '--chdir'));
    else if (head === 'nohup' || head === 'time' || head === 'command' || head === 'exec' || head === 'builtin' || head === 'stdbuf' || head === 'unbuffer') rest = afterOptions(tail, set());
    else if (head === 'nice' || head === 'ionice') rest = afterOptions(tail, set('-n', '--adjustment', '-c', '--class'));
    else if (head === 'timeout') rest = afterOptions(tail, set('-s', '--signal', '-k', '--kill-after')).slice(1);
    else if (head === 'watch') rest = afterOptions(tail, set('-n', '--interval', '-d'));
    else if (head === 'xargs') rest = afterOptions(tail, set('-n', '--max-args', '-I', '-i', '-P', '--max-procs', '-L', '-d', '--delimiter', '-s', '-a', '--arg-file', '-E'));
    else return rest;
  }
}

/** The words after a run of options (and the values of `withValue` options). */
function afterOptions(words: string[], withValue: Set<string>): string[] {
  let i = 0;
  while (i < words.length && words[i].startsWith('-') && words[i].length > 1) {
    if (words[i] === '--') return words.slice(i + 1);
    if (withValue.has(words[i]) && !words[i].includes('=')) i++;
    i++;
  }
  return words.slice(i);
}

/** `./scripts/rollback.sh`, `.\scripts\health-monitor.ps1`, `/usr/bin/docker` -> `rollback.sh`, ... `docker`. */
function commandName(word: string): string {
  return word.replace(/^.*[\\/]/, '');
}

const isScript = (word: string) => /[\\/]/.test(word) || /\.(sh|bash|ps1|py|rb|pl|js|mjs|php)$/i.test(word);

const HTTP_CHANGES = set('POST', 'PUT', 'PATCH', 'DELETE');
const CURL_VALUES = set('-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-o', '--output', '-w', '--write-out', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-F', '--form', '--form-string', '-T', '--upload-file', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '--cacert', '--cert', '-E', '--key', '--resolve', '--retry', '--retry-delay', '--retry-max-time', '-K', '--config', '-r', '--range', '-z', '--time-cond', '-U', '--proxy-user', '-Q', '--quote', '-C', '--continue-at', '-Y', '--speed-limit', '-y', '--speed-time', '--url', '--limit-rate', '--max-filesize', '--oauth2-bearer', '--unix-socket', '--interface', '--dns-servers', '--trace', '--trace-ascii', '--stderr', '--variable', '--expand-url', '--aws-sigv4', '--noproxy', '--max-redirs', '--happy-eyeballs-timeout-ms', '-D', '--dump-header', '-P', '--ftp-port', '--local-port');
const WGET_VALUES = set('-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-T', '--timeout', '-t', '--tries', '--header', '--post-data', '--post-file', '--method', '--body-data', '--body-file', '-U', '--user-agent', '--user', '--password', '-e', '--execute', '-i', '--input-file', '-w', '--wait', '-Q', '--quota', '--limit-rate', '-l', '--level', '-B', '--base');

/** The HTTP method a curl/wget/httpie command sends. */
function httpMethod(name: string, args: string[]): string {
  if (name === 'curl') {
    const explicit = optionValue(args, ['-X', '--request']);
    if (explicit) return explicit.toUpperCase();
    if (args.some((a) => a === '-I' || a === '--head')) return 'HEAD';
    const sendsData = args.some((a) => /^(-d|--data(-raw|-binary|-urlencode)?|--json|-F|--form(-string)?)(=|$)/.test(a) || /^-d./.test(a) || /^-F./.test(a));
    if (sendsData && !args.some((a) => a === '-G' || a === '--get')) return 'POST';
    if (args.some((a) => a === '-T' || a.startsWith('--upload-file'))) return 'PUT';
    return 'GET';
  }
  if (name === 'wget') {
    const explicit = optionValue(args, ['--method']);
    if (explicit) return explicit.toUpperCase();
    return args.some((a) => /^--post-(data|file)/.test(a)) ? 'POST' : 'GET';
  }
  // httpie: `http [METHOD] URL ...`
  const first = positionals(args, set('-a', '--auth', '-A', '--auth-type', '--session', '-o', '--output', '--verify', '--cert', '--cert-key', '--proxy', '--timeout'))[0];
  return first && /^[A-Za-z]+$/.test(first) && first === first.toUpperCase() ? first : 'GET';
}

/** The URL a curl/wget/httpie command calls: its first positional argument that is not a method. */
function httpTarget(name: string, args: string[]): string | undefined {
  const withValue = name === 'curl' ? CURL_VALUES : name === 'wget' ? WGET_VALUES : set();
  const explicit = name === 'curl' ? optionValue(args, ['--url']) : undefined;
  if (explicit) return explicit;
  return positionals(args, withValue).find((a) => !/^[A-Z]+$/.test(a));
}

/** `https://api.example.com/a/b/c/reset` -> `…/c/reset`: enough of a URL to tell two calls apart. */
function shortUrl(url: string | undefined): string {
  if (!url) return '';
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '').replace(/^"?\$\{?API_URL\}?"?/, '');
  const segments = path.split('/').filter(Boolean);
  if (!path.startsWith('/') || segments.length === 0) return url.length > 40 ? `${url.slice(0, 39)}…` : url;
  return segments.length > 2 ? `…/${segments.slice(-2).join('/')}` : `/${segments.join('/')}`;
}

/** What one simple command (words after prefixes) changes, or undefined when it only reads. */
function classify(words: string[], heredocs: string[] = []): string | undefined {
  words = stripPrefixes(words);
  if (words.length === 0) return undefined;
  const name = commandName(words[0]).toLowerCase();
  const args = words.slice(1);
  const pos = positionals(args);
  const sub = pos[0]?.toLowerCase();

  if (name === 'bash' || name === 'sh' || name === 'zsh' || name === 'dash') {
    const script = optionValue(args, ['-c']);
    return script ? detectShellChange(script) : undefined;
  }
  if (name === 'ssh') {
    const remote = afterPositional(args, 1, set('-i', '-p', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-m', '-O', '-Q', '-S', '-W', '-w'));
    return remote.length ? detectShellChange(remote.join(' ')) : undefined;
  }
  if (name === 'systemctl' && sub && SYSTEMCTL_CHANGES.has(sub)) return `systemctl ${sub}`;
  if (name === 'service' && pos[1] && SERVICE_CHANGES.has(pos[1].toLowerCase())) return `service ${pos[1].toLowerCase()}`;
  if (name === 'supervisorctl') {
    const action = positionals(args, set('-c', '--configuration', '-s', '--serverurl', '-u', '--username', '-p', '--password'))[0]?.toLowerCase();
    if (action && SUPERVISORCTL_CHANGES.has(action)) return `supervisorctl ${action}`;
    return undefined;
  }
  if (name === 'docker-compose') return classifyCompose(args, 'docker-compose');
  if (name === 'docker' || name === 'podman') {
    const rest = afterOptions(args, DOCKER_GLOBAL_VALUES);
    const command = rest[0]?.toLowerCase();
    if (command === 'compose') return classifyCompose(rest.slice(1), `${name} compose`);
    if (command === 'exec') return classify(afterPositional(rest.slice(1), 1, DOCKER_EXEC_VALUES));
    if (command && DOCKER_MANAGEMENT.has(command)) {
      const action = positionals(rest.slice(1))[0]?.toLowerCase();
      if (action && DOCKER_CHANGES.has(action)) return `${name} ${command} ${action}`;
      return undefined;
    }
    if (command && DOCKER_CHANGES.has(command)) return `${name} ${command}`;
    return undefined;
  }
  if (name === 'kubectl' || name === 'oc') {
    const parts = positionals(args, KUBECTL_GLOBAL_VALUES);
    const command = parts[0]?.toLowerCase();
    if (command === 'exec') {
      const dash = args.indexOf('--');
      return dash === -1 ? undefined : classify(args.slice(dash + 1));
    }
    if (command === 'rollout' && parts[1] && KUBECTL_ROLLOUT_CHANGES.has(parts[1].toLowerCase())) return `${name} rollout ${parts[1].toLowerCase()}`;
    if (command && KUBECTL_CHANGES.has(command)) return `${name} ${command}`;
    return undefined;
  }
  if (name === 'helm' && sub && HELM_CHANGES.has(sub)) return `helm ${sub}`;
  if ((name === 'terraform' || name === 'tofu') && sub && TERRAFORM_CHANGES.has(sub)) return `${name} ${sub}`;
  if (KILL.has(name)) return args.includes('-0') ? undefined : name;
  if (POWER.has(name)) return name;
  if (FILE_CHANGES.has(name)) return name;
  if (/^mkfs(\.|$)/.test(name)) return name;
  if (name === 'sed' && args.some((a) => /^(-i|--in-place)/.test(a) || /^-[a-z]*i[a-z]*$/.test(a))) return 'sed -i';
  if (name === 'find') {
    if (args.includes('-delete')) return 'find -delete';
    const exec = args.findIndex((a) => a === '-exec' || a === '-execdir' || a === '-ok');
    if (exec !== -1) {
      const end = args.findIndex((a, i) => i > exec && (a === ';' || a === '+'));
      return classify(args.slice(exec + 1, end === -1 ? undefined : end)) ? `find ${args[exec]}` : undefined;
    }
    return undefined;
  }
  if (name === 'crontab') return args.some((a) => a === '-r' || a === '-e') || pos.length ? 'crontab' : undefined;
  if (name === 'redis-cli' || name === 'valkey-cli' || name === 'keydb-cli') {
    const parts = positionals(args, REDIS_VALUES);
    const command = parts[0]?.toUpperCase();
    if (!command) return undefined;
    if (REDIS_CHANGES.has(command)) return `redis-cli ${command}`;
    const subcommand = parts[1]?.toUpperCase();
    if (subcommand && REDIS_SUBCOMMAND_CHANGES[command]?.has(subcommand)) return `redis-cli ${command} ${subcommand}`;
    return undefined;
  }
  if (name === 'psql' || name === 'mysql' || name === 'mariadb' || name === 'sqlite3' || name === 'clickhouse-client' || name === 'cqlsh') {
    const statements: string[] = [...heredocs];
    const command = name === 'psql' ? optionValue(args, ['-c', '--command']) : name === 'sqlite3' ? positionals(args)[1] : optionValue(args, ['-e', '--execute', '-q', '--query']);
    if (command) statements.push(command);
    for (const sql of statements) {
      const change = detectSqlChange(sql);
      if (change) return change;
    }
    return undefined;
  }
  if (name === 'pg_restore' || name === 'dropdb' || name === 'createdb' || name === 'dropuser' || name === 'createuser' || name === 'pg_resetwal' || name === 'pg_upgrade' || name === 'pg_rewind' || name === 'mysqlimport') return name;
  if (name === 'pg_ctl' || name === 'pg_ctlcluster') {
    const action = pos.find((p) => /^(start|stop|restart|reload|promote|kill)$/.test(p));
    return action ? `${name} ${action}` : undefined;
  }
  if (name === 'mysqladmin') {
    const action = pos.find((p) => /^(shutdown|flush-[\w-]+|kill|drop|create|reload|refresh|password|start-replica|stop-replica|start-slave|stop-slave)$/.test(p));
    return action ? `mysqladmin ${action}` : undefined;
  }
  if (name === 'php' && commandName(args[0] ?? '') === 'artisan') {
    const command = positionals(args.slice(1))[0];
    if (!command || ARTISAN_READS.test(command)) return undefined;
    return ARTISAN_CHANGES.test(command) ? `php artisan ${command}` : undefined;
  }
  if (name === 'certbot') {
    const action = positionals(args, CERTBOT_VALUES)[0]?.toLowerCase();
    if (!action) return args.some((a) => a === '--nginx' || a === '--apache' || a === '--standalone') ? 'certbot' : undefined;
    return CERTBOT_CHANGES.has(action) ? `certbot ${action}` : undefined;
  }
  if (name === 'curl' || name === 'wget' || name === 'http' || name === 'https' || name === 'xh') {
    const method = httpMethod(name === 'xh' ? 'http' : name, args);
    return HTTP_CHANGES.has(method) ? `${method} ${shortUrl(httpTarget(name, args))}`.trim() : undefined;
  }
  if (name === 'git') {
    const command = positionals(args, GIT_GLOBAL_VALUES)[0]?.toLowerCase();
    if (command && GIT_CHANGES.has(command)) return `git ${command}`;
    if ((command === 'branch' || command === 'tag') && args.some((a) => /^(-d|-D|--delete|-f|--force)$/.test(a))) return `git ${command} -d`;
    return undefined;
  }
  if (name === 'railway') {
    if (sub === 'variables' || sub === 'variable' || sub === 'vars') {
      const action = pos[1]?.toLowerCase();
      if (action === 'set' || action === 'delete' || action === 'rm' || args.some((a) => a === '--set' || a.startsWith('--set='))) return `railway variables ${action ?? 'set'}`;
      return undefined;
    }
    if ((sub === 'service' || sub === 'volume' || sub === 'environment' || sub === 'domain') && /^(delete|rm|remove|create|add|new)$/.test(pos[1] ?? '')) return `railway ${sub} ${pos[1]}`;
    if (sub && RAILWAY_CHANGES.has(sub)) return `railway ${sub}`;
    return undefined;
  }
  if (name === 'heroku' && sub && /^(ps:(restart|scale|stop|kill|resize|type)|restart|config:(set|unset|add|remove)|releases:rollback|rollback|maintenance:(on|off)|pg:(reset|kill|killall|promote|unfollow)|apps:destroy|addons:(destroy|create)|redis:(cli|maxmemory)|features:(enable|disable))$/.test(sub)) return `heroku ${sub}`;
  if (name === 'fly' || name === 'flyctl') {
    const action = pos.find((p) => /^(deploy|scale|destroy|restart|suspend|resume|stop|start|set|unset)$/.test(p));
    return action ? `fly ${action}` : undefined;
  }
  if (name === 'pm2' && sub && PM2_CHANGES.has(sub)) return `pm2 ${sub}`;
  if (name === 'rabbitmqctl' && sub && RABBITMQ_CHANGES.has(sub)) return `rabbitmqctl ${sub}`;
  if (name === 'nginx') {
    const signal = optionValue(args, ['-s']);
    return signal ? `nginx -s ${signal}` : undefined;
  }
  if ((name === 'apachectl' || name === 'apache2ctl' || name === 'httpd') && pos.some((p) => /^(restart|graceful|stop|start|graceful-stop)$/.test(p))) return `${name} ${pos[0]}`;
  if ((name === 'iptables' || name === 'ip6tables' || name === 'nft') && args.some((a) => /^(-[ADIRFXPNZE]|--(append|delete|insert|replace|flush|delete-chain|policy|new-chain|zero|rename-chain)|add|delete|flush|insert|replace)$/.test(a))) return name;
  if (name === 'ufw' && sub && /^(allow|deny|reject|limit|delete|enable|disable|reset|reload|insert|route|prepend)$/.test(sub)) return `ufw ${sub}`;
  if (PACKAGE_MANAGERS.has(name) && sub && PACKAGE_CHANGES.has(sub) && !((name === 'apt' || name === 'apt-get' || name === 'brew') && sub === 'update')) return `${name} ${sub}`;
  if (name === 'aws') {
    const [service, action] = positionals(args, set('--region', '--profile', '--output', '--endpoint-url', '--query'));
    if (service === 's3' && action && /^(rm|cp|mv|sync|rb|mb)$/.test(action)) return `aws s3 ${action}`;
    if (action && /^(delete|put|update|create|terminate|stop|start|reboot|modify|run|remove|attach|detach|revoke|authorize|invoke|restore|reset|replace|disable|enable|register|deregister|set|tag|untag|cancel|purge|rotate|promote|failover)(-|$)/.test(action)) return `aws ${service} ${action}`;
    return undefined;
  }
  if ((name === 'gcloud' || name === 'az' || name === 'doctl') && pos.some((p) => /^(delete|create|update|deploy|restart|stop|start|resize|reset|scale|set|remove|add|upgrade|rollback|purge)$/.test(p))) return `${name} ${pos.find((p) => /^(delete|create|update|deploy|restart|stop|start|resize|reset|scale|set|remove|add|upgrade|rollback|purge)$/.test(p))}`;
  if (isScript(words[0])) {
    const script = commandName(words[0]);
    if (SCRIPT_CHANGE_NAMES.test(script)) return script;
    const action = args.find((a) => SCRIPT_CHANGE_WORDS.test(a));
    if (action) return `${script} ${action}`;
  }
  return undefined;
}

function classifyCompose(args: string[], tool: string): string | undefined {
  const rest = afterOptions(args, COMPOSE_GLOBAL_VALUES);
  const command = rest[0]?.toLowerCase();
  if (command === 'exec' || command === 'run') {
    // What runs inside the container decides: `exec postgres pg_isready` reads, `exec redis redis-cli FLUSHDB` does not.
    return classify(afterPositional(rest.slice(1), 1, COMPOSE_EXEC_VALUES));
  }
  if (command && COMPOSE_CHANGES.has(command)) return `${tool} ${command}`;
  return undefined;
}

/** A word's value; a Windows path (`.\scripts\x.ps1`, written in a bash block) keeps its backslashes. */
function wordValue(word: ShellWord): string {
  return /^(\.{0,2}\\|[A-Za-z]:\\)/.test(word.raw) ? word.raw : word.value;
}

/**
 * What a shell command changes: "docker restart", "redis-cli FLUSHDB", "POST …/circuit-breaker/reset",
 * "pg_terminate_backend"; undefined when it only reads (status, logs, ps, grep, GET, SELECT, ping...).
 * Every part of a pipeline or list counts, and commands inside `$( )`.
 */
export function detectShellChange(command: string): string | undefined {
  for (const simple of simpleCommands(command)) {
    const change = classify(simple.words.map(wordValue), simple.heredocs);
    if (change) return change;
    for (const word of simple.words) {
      for (const inner of word.value.matchAll(/\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
        const nested = detectShellChange(inner[1]);
        if (nested) return nested;
      }
    }
  }
  return undefined;
}

const SQL_CHANGES = set('UPDATE', 'DELETE', 'INSERT', 'UPSERT', 'MERGE', 'REPLACE', 'DROP', 'TRUNCATE', 'ALTER', 'CREATE', 'RENAME', 'GRANT', 'REVOKE', 'VACUUM', 'REINDEX', 'CLUSTER', 'KILL', 'LOCK', 'REFRESH', 'LOAD', 'IMPORT', 'OPTIMIZE', 'FLUSH', 'PURGE', 'RESET', 'SHUTDOWN');
/** Functions that act on the server even inside a SELECT. */
const SQL_CHANGING_FUNCTIONS = /\b(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_drop_replication_slot|pg_create_restore_point|setval|nextval|lo_unlink|dblink_exec)\s*\(/i;

/**
 * What an SQL text changes: the first data- or schema-changing statement ("DELETE", "DROP"), or a
 * function that acts on the server (`SELECT pg_terminate_backend(pid) ...`). SELECT, SHOW, EXPLAIN,
 * BEGIN, COMMIT and ROLLBACK read (a transaction's writes are marked where they happen).
 */
export function detectSqlChange(sql: string): string | undefined {
  const text = sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, ' ');
  for (const statement of text.split(';')) {
    const words = statement.trim().replace(/^\(+/, '').split(/\s+/).filter(Boolean).map((w) => w.toUpperCase());
    const keyword = words[0];
    if (!keyword) continue;
    const fn = SQL_CHANGING_FUNCTIONS.exec(statement);
    if (fn) return fn[1].toLowerCase();
    if (keyword === 'COPY' && words.includes('FROM')) return 'COPY FROM';
    if (keyword === 'WITH') {
      const inner = words.find((w) => /^(DELETE|UPDATE|INSERT|MERGE)$/.test(w));
      if (inner) return inner;
      continue;
    }
    if (keyword === 'SELECT' && /\bINTO\s+(?!@)\w/i.test(statement) && !/\bINTO\s+(OUTFILE|DUMPFILE)\b/i.test(statement)) return 'SELECT INTO';
    if (SQL_CHANGES.has(keyword)) return keyword;
    if (keyword === 'SET' && (words[1] === 'GLOBAL' || words[1] === 'PERSIST')) return `SET ${words[1]}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Author overrides in the fence meta: changes={2,5} safe={3}
// ---------------------------------------------------------------------------------------------

/** `2,5` / `2-4` / `2..4`: 1-based line numbers. Throws a message naming what was received. */
export function parseLineRanges(key: string, value: string): number[] {
  const numbers: number[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*(?:-|\.\.)\s*(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from < 1 || to < from) throw new Error(`${key}={${value}}: "${part}" is not a range of line numbers; expected from-to with 1 <= from <= to, e.g. ${key}={2-4}`);
      for (let n = from; n <= to; n++) numbers.push(n);
    } else if (/^\d+$/.test(part) && Number(part) >= 1) numbers.push(Number(part));
    else throw new Error(`${key}={${value}}: "${part}" is not a line number; expected line numbers of the block, counted from 1, e.g. ${key}={2,5} or ${key}={2-4}`);
  }
  return numbers;
}

export interface MarkOverrides {
  /** 1-based line numbers (of the block) of commands an author marks as changing a system. */
  changes?: number[];
  /** 1-based line numbers of commands an author marks as safe: reading only, whatever they look like. */
  safe?: number[];
}

/** Applies `changes=` / `safe=` to the commands; a line that is no command's is an error that says which lines are. */
export function applyOverrides(commands: Command[], overrides: MarkOverrides, lineCount: number): Command[] {
  const result = commands.map((c) => ({ ...c }));
  const find = (key: string, line: number) => {
    const command = result.find((c) => line - 1 >= c.firstLine && line - 1 <= c.lastLine);
    if (command) return command;
    const starts = result.map((c) => c.firstLine + 1).join(', ') || 'none';
    const what = line > lineCount ? `the block has ${lineCount} line${lineCount === 1 ? '' : 's'}` : `line ${line} is a comment or blank`;
    throw new Error(`${key}={${line}}: no command on line ${line} (${what}); expected the line of a command: ${starts}`);
  };
  for (const line of overrides.changes ?? []) {
    const command = find('changes', line);
    command.change ??= fallbackLabel(command.text);
  }
  for (const line of overrides.safe ?? []) {
    const command = find('safe', line);
    if ((overrides.changes ?? []).some((l) => l - 1 >= command.firstLine && l - 1 <= command.lastLine)) {
      throw new Error(`safe={${line}} and changes= both name the command on line ${command.firstLine + 1}; expected one or the other`);
    }
    delete command.change;
  }
  return result;
}

/** A label for a command an author marked: its first two words ("railway variables"). */
function fallbackLabel(text: string): string {
  const words = simpleCommands(text)[0]?.words.map(wordValue) ?? [];
  const rest = stripPrefixes(words);
  return rest.slice(0, 2).map(commandName).join(' ') || text.split(/\s+/)[0];
}

// ---------------------------------------------------------------------------------------------
// Relative API paths: curl -X GET /api/health/payment -> curl -X GET "$API_URL/api/health/payment"
// ---------------------------------------------------------------------------------------------

/** The shell variable that stands for the platform's own API base URL in commands. */
export const API_BASE_VARIABLE = 'API_URL';

export interface RelativeUrl {
  /** Offsets of the argument in the command text (quotes included). */
  start: number;
  end: number;
  /** The path as written: `/api/health/payment`. */
  path: string;
}

/** URL arguments of curl/wget/httpie commands that are a path with no host: `/api/health/payment`. */
export function findRelativeUrls(command: string): RelativeUrl[] {
  const found: RelativeUrl[] = [];
  const tokens = shellTokens(command);
  let words: ShellWord[] = [];
  const check = () => {
    const values = words.map((w) => w.value);
    const rest = stripPrefixes(values);
    const offset = values.length - rest.length;
    const name = commandName(rest[0] ?? '').toLowerCase();
    if (name === 'curl' || name === 'wget' || name === 'http' || name === 'https' || name === 'xh') {
      const withValue = name === 'curl' ? CURL_VALUES : name === 'wget' ? WGET_VALUES : set();
      for (let i = 1; i < rest.length; i++) {
        const value = rest[i];
        if (value.startsWith('-')) {
          if (withValue.has(value) && !value.includes('=')) i++;
          continue;
        }
        if (/^\/(?!\/)[^\s]*$/.test(value) && !/^\/(dev|tmp|etc|var|usr|home|root|opt|proc|sys)\//.test(value)) {
          const word = words[offset + i];
          found.push({ start: word.start, end: word.end, path: value });
        }
      }
    }
    words = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word') words.push(token);
    else if (token.kind === 'op' && !/[<>]/.test(token.value)) check();
  }
  check();
  return found;
}

export interface ApiBaseRewrite {
  /** The block's code with every relative API path prefixed with `"$API_URL`. */
  code: string;
  /** Where `$API_URL` now stands: 0-based line, start and end column. */
  placeholders: { line: number; start: number; end: number }[];
}

/**
 * Gives every relative API path of a shell block an explicit host placeholder:
 * `curl -X GET /api/health/payment` -> `curl -X GET "$API_URL/api/health/payment"`. Double quotes
 * keep it one word whatever the path holds (`?a=1&b=2`); never `<HOST>`, which a shell reads as a
 * redirection. Line count and every other character stay as written. Also lists `$API_URL`s the
 * author wrote themselves, so the page explains them the same way.
 */
export function withApiBase(code: string): ApiBaseRewrite {
  const lines = code.split('\n');
  for (const command of splitShellCommands(code)) {
    const raw = lines.slice(command.firstLine, command.lastLine + 1).join('\n');
    const urls = findRelativeUrls(raw);
    if (!urls.length) continue;
    let rewritten = raw;
    for (const url of [...urls].reverse()) {
      const original = raw.slice(url.start, url.end);
      const quote = original[0] === "'" || original[0] === '"' ? original[0] : '';
      const inner = quote && original.endsWith(quote) ? original.slice(1, -1) : original;
      const safe = quote === "'" ? /^[^"$`\\]*$/.test(inner) : true;
      const replacement = safe ? `"$${API_BASE_VARIABLE}${inner}"` : `"$${API_BASE_VARIABLE}"${original}`;
      rewritten = rewritten.slice(0, url.start) + replacement + rewritten.slice(url.end);
    }
    lines.splice(command.firstLine, command.lastLine - command.firstLine + 1, ...rewritten.split('\n'));
  }
  const placeholders: ApiBaseRewrite['placeholders'] = [];
  const variable = new RegExp(`\\$\\{?${API_BASE_VARIABLE}\\}?(?![A-Za-z0-9_])`, 'g');
  lines.forEach((line, index) => {
    if (SHELL_COMMENT.test(line)) return;
    for (const match of line.matchAll(variable)) placeholders.push({ line: index, start: match.index!, end: match.index! + match[0].length });
  });
  return { code: lines.join('\n'), placeholders };
}

// ---------------------------------------------------------------------------------------------
// Words for people
// ---------------------------------------------------------------------------------------------

/** A command on one line, shortened at a word boundary: names for buttons and screen readers. */
export function shortCommand(text: string, max = 100): string {
  const lines = text.split('\n');
  const heredoc = lines.findIndex((l) => /<<-?\s*['"]?[A-Za-z_]/.test(l));
  const kept = heredoc === -1 ? lines : lines.slice(0, heredoc + 1);
  let flat = kept.join(' ').replace(/\\\s+/g, ' ').replace(/\s+/g, ' ').trim();
  if (heredoc !== -1 && heredoc < lines.length - 1) flat += ' …';
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "2 of 5 commands here change the system: docker restart, POST …/reset" (undefined when none do). */
export function changeSummary(commands: Command[], noun: { one: string; many: string } = { one: 'command', many: 'commands' }): string | undefined {
  const changing = commands.filter((c) => c.change);
  if (!changing.length) return undefined;
  const labels = [...new Set(changing.map((c) => c.change!))].join(', ');
  if (commands.length === 1) return `This ${noun.one} changes the system: ${labels}.`;
  if (changing.length === commands.length) {
    return `${commands.length === 2 ? 'Both' : `All ${commands.length}`} ${noun.many} here change the system: ${labels}.`;
  }
  return `${changing.length} of ${commands.length} ${noun.many} here ${changing.length === 1 ? 'changes' : 'change'} the system: ${labels}.`;
}
