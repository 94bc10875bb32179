/**
 * The commands of a code block: splitting, copy text, what changes a system, relative API paths.
 * The last part runs over every shell and SQL block in content/docs (SHOW_COMMANDS=1 prints them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_BASE_VARIABLE,
  applyOverrides,
  changeSummary,
  commandLanguage,
  detectShellChange,
  detectSqlChange,
  findRelativeUrls,
  parseLineRanges,
  shortCommand,
  splitCommands,
  splitShellCommands,
  splitSqlStatements,
  withApiBase,
  type Command,
} from '../../src/lib/shell-commands';

const texts = (commands: Command[]) => commands.map((c) => c.text);
const ranges = (commands: Command[]) => commands.map((c) => [c.firstLine, c.lastLine]);

describe('commandLanguage', () => {
  it('knows shell and SQL fences and nothing else', () => {
    for (const lang of ['bash', 'sh', 'shell', 'zsh', 'console', 'BASH']) expect(commandLanguage(lang), lang).toBe('shell');
    for (const lang of ['sql', 'pgsql', 'postgresql', 'mysql']) expect(commandLanguage(lang), lang).toBe('sql');
    for (const lang of ['yaml', 'json', 'md', 'markdown', 'text', '', undefined]) expect(commandLanguage(lang), String(lang)).toBeUndefined();
  });
});

describe('splitShellCommands', () => {
  it('splits the payment-system-down block into five commands, comments and blank lines left out', () => {
    const code = [
      '# Check payment service health',
      'curl -X GET /api/health/payment',
      '',
      '# Restart payment service containers',
      'docker restart payment-service',
      '',
      '# Reset payment circuit breakers',
      'curl -X POST /api/payment/circuit-breaker/reset',
    ].join('\n');
    const commands = splitShellCommands(code);
    expect(texts(commands)).toEqual(['curl -X GET /api/health/payment', 'docker restart payment-service', 'curl -X POST /api/payment/circuit-breaker/reset']);
    expect(ranges(commands)).toEqual([[1, 1], [4, 4], [7, 7]]);
  });

  it('keeps a command continued with a trailing backslash together, continuation lines included', () => {
    const code = ['# Restore', 'pg_restore --host=main-db \\', '  --username=admin \\', '  --dbname=production backup.sql', 'psql -c "SELECT 1"'].join('\n');
    const commands = splitShellCommands(code);
    expect(texts(commands)).toEqual(['pg_restore --host=main-db \\\n  --username=admin \\\n  --dbname=production backup.sql', 'psql -c "SELECT 1"']);
    expect(ranges(commands)).toEqual([[1, 3], [4, 4]]);
  });

  it('treats an escaped backslash at the end of a line as text, not a continuation', () => {
    expect(texts(splitShellCommands('echo a\\\\\necho b'))).toEqual(['echo a\\\\', 'echo b']);
  });

  it('keeps a heredoc body with its command, whatever the body holds', () => {
    const code = ['psql "$DATABASE_URL" <<SQL', '# not a comment here', 'DELETE FROM sessions;', '', 'SQL', 'echo done'].join('\n');
    const commands = splitShellCommands(code);
    expect(ranges(commands)).toEqual([[0, 4], [5, 5]]);
    expect(commands[0].text).toBe('psql "$DATABASE_URL" <<SQL\n# not a comment here\nDELETE FROM sessions;\n\nSQL');
    // <<- strips leading tabs from the closing delimiter; quoted delimiters work too.
    expect(ranges(splitShellCommands("cat <<-'EOF'\n\tx\n\tEOF\nls"))).toEqual([[0, 2], [3, 3]]);
  });

  it('keeps && and | chains on one line as one command, and follows a trailing pipe onto the next line', () => {
    expect(texts(splitShellCommands('docker compose ps && docker compose logs | tail -5'))).toEqual(['docker compose ps && docker compose logs | tail -5']);
    expect(ranges(splitShellCommands('redis-cli --scan |\n  xargs redis-cli DEL\nls'))).toEqual([[0, 1], [2, 2]]);
  });

  it('follows a quoted string over several lines, # included', () => {
    const code = 'psql -c "SELECT 1\n# inside the quotes\nFROM x"\nls';
    expect(ranges(splitShellCommands(code))).toEqual([[0, 2], [3, 3]]);
    expect(splitShellCommands(code)[0].text).toBe('psql -c "SELECT 1\n# inside the quotes\nFROM x"');
  });

  it('drops comments at the end of a line but keeps # inside quotes and words', () => {
    expect(texts(splitShellCommands('docker ps   # list them\necho "a # b" x#y'))).toEqual(['docker ps', 'echo "a # b" x#y']);
  });

  it('drops a $ prompt, and in a console session only prompted lines are commands', () => {
    expect(texts(splitShellCommands('$ docker ps\n$ echo $HOME'))).toEqual(['docker ps', 'echo $HOME']);
    const session = '$ docker ps\nCONTAINER ID   IMAGE\n3f2a   nginx\n$ docker restart web\nweb';
    expect(texts(splitShellCommands(session, true))).toEqual(['docker ps', 'docker restart web']);
  });

  it('turns `>>>` lines typed into an interactive prompt into commands of their own, without the prompt', () => {
    const commands = splitShellCommands('php artisan tinker\n>>> DB::connection()->getPdo();');
    expect(texts(commands)).toEqual(['php artisan tinker', 'DB::connection()->getPdo();']);
  });

  it('removes the indentation of a block inside a list item from the copy', () => {
    expect(texts(splitShellCommands('   # Restart\n   docker compose restart fastapi\n   docker stats'))).toEqual(['docker compose restart fastapi', 'docker stats']);
    expect(splitShellCommands('  a \\\n    --flag')[0].text).toBe('a \\\n  --flag');
  });

  it('does not leave a dangling backslash at the end of a block', () => {
    expect(texts(splitShellCommands('docker ps \\'))).toEqual(['docker ps']);
  });

  it('finds no command in a block of comments', () => {
    expect(splitShellCommands('# Increase replicas via Railway dashboard\n# Increase memory/CPU limits')).toEqual([]);
  });
});

describe('splitSqlStatements', () => {
  it('splits at semicolons, keeps a statement over several lines together, leaves comment lines out', () => {
    const code = [
      '-- Check active connections',
      'SELECT count(*) FROM pg_stat_activity;',
      '',
      '-- Kill long-running queries',
      'SELECT pg_terminate_backend(pid) ',
      'FROM pg_stat_activity ',
      "WHERE state = 'active' -- only running ones",
      "AND query_start < NOW() - INTERVAL '5 minutes';",
      '',
      'SHOW pool_cache;',
    ].join('\n');
    const statements = splitSqlStatements(code);
    expect(ranges(statements)).toEqual([[1, 1], [4, 7], [9, 9]]);
    expect(statements[1].text).toBe("SELECT pg_terminate_backend(pid)\nFROM pg_stat_activity\nWHERE state = 'active'\nAND query_start < NOW() - INTERVAL '5 minutes';");
  });

  it('ends a statement without a semicolon at a blank line or the end of the block; -- inside quotes is text', () => {
    expect(texts(splitSqlStatements("SELECT 1\n\nSELECT '--x'"))).toEqual(['SELECT 1', "SELECT '--x'"]);
  });
});

describe('detectShellChange: commands that change a system', () => {
  const changes: [string, string][] = [
    ['docker restart payment-service', 'docker restart'],
    ['sudo systemctl restart php8.3-fpm', 'systemctl restart'],
    ['systemctl stop nginx', 'systemctl stop'],
    ['service nginx reload', 'service reload'],
    ['sudo supervisorctl restart all', 'supervisorctl restart'],
    ['docker compose restart fastapi', 'docker compose restart'],
    ['docker compose -f prod.yml down', 'docker compose down'],
    ['docker-compose up -d', 'docker-compose up'],
    ['docker compose up -d --scale fastapi=2', 'docker compose up'],
    ['docker rm -f web', 'docker rm'],
    ['docker system prune -a -f', 'docker system prune'],
    ['docker compose exec redis redis-cli FLUSHDB', 'redis-cli FLUSHDB'],
    ['redis-cli FLUSHDB', 'redis-cli FLUSHDB'],
    ['redis-cli -h $REDIS_HOST flushall', 'redis-cli FLUSHALL'],
    ['redis-cli DEL "profile:*"', 'redis-cli DEL'],
    ["redis-cli --scan --pattern 'profile:*' | xargs -r redis-cli DEL", 'redis-cli DEL'],
    ['redis-cli CONFIG SET maxmemory 2gb', 'redis-cli CONFIG SET'],
    ['kubectl delete pod web-1', 'kubectl delete'],
    ['kubectl -n prod scale deploy/web --replicas=3', 'kubectl scale'],
    ['kubectl rollout restart deployment/web', 'kubectl rollout restart'],
    ['kubectl drain node-1', 'kubectl drain'],
    ['kill -9 <PID>', 'kill'],
    ['pkill -f worker', 'pkill'],
    ['sudo truncate -s 0 /var/log/nginx/access.log', 'truncate'],
    ['rm -rf /tmp/cache', 'rm'],
    ['find /var/log -name "*.log" -mtime +7 -delete', 'find -delete'],
    ['php artisan migrate --force', 'php artisan migrate'],
    ['php artisan queue:restart', 'php artisan queue:restart'],
    ['php artisan cache:clear', 'php artisan cache:clear'],
    ['php artisan config:cache', 'php artisan config:cache'],
    ['php artisan down', 'php artisan down'],
    ['sudo certbot renew --force-renewal', 'certbot renew'],
    ['curl -X POST /api/payment/circuit-breaker/reset', 'POST …/circuit-breaker/reset'],
    ['curl -XDELETE https://api.example.com/v1/keys/1', 'DELETE …/keys/1'],
    ['curl --request=PUT https://x.test/a', 'PUT /a'],
    ['curl -d "a=1" https://x.test/hooks', 'POST /hooks'],
    ['wget --post-data="a=1" https://x.test/run', 'POST /run'],
    ['http PATCH https://x.test/users/1 name=x', 'PATCH /users/1'],
    ['git push origin main', 'git push'],
    ['git reset --hard HEAD~1', 'git reset'],
    ['sudo reboot', 'reboot'],
    ['shutdown -h now', 'shutdown'],
    ['chmod 600 key.pem', 'chmod'],
    ['chown www-data: storage', 'chown'],
    ['mv app.log app.log.1', 'mv'],
    ['pg_restore --host=main-db --dbname=production backup_file.sql', 'pg_restore'],
    ['docker compose exec postgres psql -U clicky -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"', 'pg_terminate_backend'],
    ['psql $DATABASE_URL -c "DELETE FROM sessions"', 'DELETE'],
    ['mysql -e "DROP TABLE tmp"', 'DROP'],
    ["psql <<SQL\nUPDATE users SET locked = true;\nSQL", 'UPDATE'],
    ['./scripts/rollback.sh', 'rollback.sh'],
    ['.\\scripts\\database-operations.ps1 -Operation restore -Environment production', 'database-operations.ps1 restore'],
    ['railway restart --service 9fd6', 'railway restart'],
    ['railway rollback --service 9fd6', 'railway rollback'],
    ['railway up --service 9fd6', 'railway up'],
    ['railway variables set LOG_LEVEL=debug --service x', 'railway variables set'],
    ['sudo -u postgres dropdb staging', 'dropdb'],
    ['nginx -s reload', 'nginx -s reload'],
    ['helm rollback web 3', 'helm rollback'],
    ['terraform apply', 'terraform apply'],
    ['sed -i "s/a/b/" app.conf', 'sed -i'],
    ['ssh prod "sudo systemctl restart nginx"', 'systemctl restart'],
    ['bash -c "docker restart web"', 'docker restart'],
    ['echo x && docker stop web', 'docker stop'],
    ['kill $(pgrep -f node)', 'kill'],
    ['echo $(docker restart web)', 'docker restart'],
    ['aws ecs update-service --cluster c --service s --force-new-deployment', 'aws ecs update-service'],
    ['heroku ps:restart -a app', 'heroku ps:restart'],
    ['pm2 restart all', 'pm2 restart'],
    ['apt-get install -y jq', 'apt-get install'],
    ['ufw deny 22', 'ufw deny'],
    ['iptables -A INPUT -s 1.2.3.4 -j DROP', 'iptables'],
  ];
  it.each(changes)('%s -> %s', (command, label) => {
    expect(detectShellChange(command)).toBe(label);
  });

  const reads = [
    'sudo systemctl status nginx',
    'sudo supervisorctl status',
    'docker compose ps',
    'docker compose logs --tail=100 fastapi',
    'docker compose logs postgres | grep "duration:"',
    'docker stats --no-stream',
    'docker ps -a',
    'docker system df',
    'docker compose exec postgres pg_isready',
    'docker compose exec redis redis-cli info stats | grep keyspace',
    'docker compose exec postgres psql -U clicky -c "SELECT count(*) FROM pg_stat_activity;"',
    'docker compose exec postgres psql -U clicky -c "SHOW max_connections;"',
    'kubectl get pods -n prod',
    'kubectl rollout status deployment/web',
    'kubectl logs web-1',
    'kubectl exec web-1 -- cat /etc/hosts',
    'curl -X GET /api/health/payment',
    'curl -X GET "$API_URL/api/health/payment"',
    'curl -I https://agency-platform.com/',
    'curl -f https://api.clickyfoundation.id/health',
    'curl http://localhost:4000/health | jq \'.checks.cache\'',
    'curl -w "@curl-format.txt" -o /dev/null https://x.test/api/health',
    'curl -G -d "q=1" https://x.test/search',
    'wget -qO- https://x.test/health',
    'redis-cli ping',
    'redis-cli -h $REDIS_HOST info memory',
    'redis-cli INFO memory',
    'redis-cli GET "sf:pe:replay:/event/OrderProvisionRequested__e"',
    "redis-cli --scan --pattern 'profile:*'",
    'psql $DATABASE_URL -c "SELECT 1"',
    'pg_isready -h database-host -p 5432',
    'pg_dump --host=backup-db --username=admin --dbname=production --table=critical_table',
    'tail -100 /var/log/bff/error.log',
    'grep "WHMCS" /var/log/bff/error.log | tail -20',
    'cat .env | grep DB_',
    'ps aux --sort=-%mem | head -20',
    'top -p $(pgrep -f "node.*bff")',
    'htop',
    'df -h',
    'du -sh /var/log',
    'free -m',
    'ping agency-platform.com',
    'ssh forge@production-server',
    'php artisan tinker',
    'php artisan queue:failed',
    'php artisan migrate:status',
    'certbot certificates',
    'echo | openssl s_client -connect api.x.id:443 -servername api.x.id 2>/dev/null | openssl x509 -noout -enddate',
    'echo "$(date): Incident detected" >> incidents.log',
    'railway logs --service 9fd6 --since 1h | grep ERROR',
    'railway status --service 9fd6',
    'railway deployments --service 9fd6',
    'railway metrics --service x',
    'railway variables get XERO_CLIENT_ID --service x',
    '.\\scripts\\health-monitor.ps1 -Mode continuous',
    '.\\scripts\\database-operations.ps1 -Operation status -Environment production',
    '.\\scripts\\database-operations.ps1 -Operation backup -Environment production',
    'git log --oneline',
    'git status',
    'kill -0 1234',
    'nginx -t',
    'journalctl -u nginx --since "10 min ago"',
    'watch -n 5 kubectl get pods',
  ];
  it.each(reads)('%s only reads', (command) => {
    expect(detectShellChange(command)).toBeUndefined();
  });
});

describe('detectSqlChange', () => {
  it('flags statements that change data or schema, and functions that act on the server', () => {
    expect(detectSqlChange('UPDATE users SET x = 1;')).toBe('UPDATE');
    expect(detectSqlChange('delete from sessions')).toBe('DELETE');
    expect(detectSqlChange('INSERT INTO t VALUES (1)')).toBe('INSERT');
    expect(detectSqlChange('DROP TABLE t')).toBe('DROP');
    expect(detectSqlChange('TRUNCATE t')).toBe('TRUNCATE');
    expect(detectSqlChange('ALTER TABLE t ADD c int')).toBe('ALTER');
    expect(detectSqlChange('SELECT 1; DELETE FROM t;')).toBe('DELETE');
    expect(detectSqlChange('WITH old AS (SELECT id FROM t) DELETE FROM t USING old')).toBe('DELETE');
    expect(detectSqlChange("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active'")).toBe('pg_terminate_backend');
    expect(detectSqlChange('KILL 1234')).toBe('KILL');
    expect(detectSqlChange('COPY t FROM \'/tmp/x.csv\'')).toBe('COPY FROM');
  });

  it('leaves reads, transaction control, and keywords inside strings and comments alone', () => {
    for (const sql of [
      'SELECT count(*) FROM pg_stat_activity;',
      'SHOW PROCESSLIST;',
      'SHOW pool_cache;',
      'EXPLAIN ANALYZE SELECT 1',
      'BEGIN;',
      'ROLLBACK;',
      'COMMIT;',
      "SELECT * FROM affected_table WHERE timestamp > 'incident_start_time';",
      "SELECT * FROM audit WHERE action = 'DELETE'",
      '-- DROP TABLE t\nSELECT 1',
      'COPY t TO STDOUT',
    ]) {
      expect(detectSqlChange(sql), sql).toBeUndefined();
    }
  });
});

describe('relative API paths', () => {
  it('finds paths with no host in the URL arguments of curl, wget and httpie only', () => {
    expect(findRelativeUrls('curl -X GET /api/health/payment').map((u) => u.path)).toEqual(['/api/health/payment']);
    expect(findRelativeUrls('curl -H "Accept: x" /api/a && wget /api/b').map((u) => u.path)).toEqual(['/api/a', '/api/b']);
    expect(findRelativeUrls('sudo curl "/api/x?a=1&b=2"').map((u) => u.path)).toEqual(['/api/x?a=1&b=2']);
    // File paths after options, absolute URLs, variables, other commands: untouched.
    for (const command of [
      'curl -o /dev/null https://x.test/health',
      'curl -w "@curl-format.txt" -o /tmp/out https://x.test',
      'curl -X POST $WHMCS_API_URL -d "action=GetClients"',
      'curl -X GET "$API_URL/api/health"',
      'curl --cacert /etc/ssl/ca.pem https://x.test',
      'curl -T /tmp/backup.sql https://x.test/upload',
      'tail -100 /var/log/app.log',
      'ls /api/health',
      'curl -X GET //cdn.example.com/x',
    ]) {
      expect(findRelativeUrls(command), command).toEqual([]);
    }
  });

  it('rewrites them to "$API_URL/path" in double quotes, changing nothing else, and says where the placeholder is', () => {
    const code = '# Check payment service health\ncurl -X GET /api/health/payment\n\ncurl -X POST \'/api/payment/circuit-breaker/reset\'\ncurl https://api.stripe.com/v1/x';
    const result = withApiBase(code);
    expect(result.code).toBe('# Check payment service health\ncurl -X GET "$API_URL/api/health/payment"\n\ncurl -X POST "$API_URL/api/payment/circuit-breaker/reset"\ncurl https://api.stripe.com/v1/x');
    expect(result.placeholders).toEqual([
      { line: 1, start: 13, end: 21 },
      { line: 3, start: 14, end: 22 },
    ]);
    for (const { line, start, end } of result.placeholders) expect(result.code.split('\n')[line].slice(start, end)).toBe(`$${API_BASE_VARIABLE}`);
  });

  it('is idempotent, keeps quotes the path was in, and notices a $API_URL the author wrote', () => {
    const once = withApiBase('curl /api/a "/api/b"').code;
    expect(once).toBe('curl "$API_URL/api/a" "$API_URL/api/b"');
    expect(withApiBase(once).code).toBe(once);
    expect(withApiBase('curl "${API_URL}/api/x"').placeholders).toHaveLength(1);
    expect(withApiBase('# curl $API_URL/x in a comment').placeholders).toHaveLength(0);
    // A single-quoted path with a character that double quotes would expand stays single-quoted.
    expect(withApiBase("curl '/api/$x'").code).toBe('curl "$API_URL"\'/api/$x\'');
  });

  it('rewrites a URL on a continuation line', () => {
    expect(withApiBase('curl -X POST \\\n  /api/reset').code).toBe('curl -X POST \\\n  "$API_URL/api/reset"');
  });
});

describe('author overrides: changes={..} safe={..}', () => {
  const block = '# Check WHMCS\ncurl -X POST $WHMCS_API_URL -d "action=GetClients"\n\n# Note\nrailway run ./sync';
  const commands = splitCommands(block, 'shell');

  it('parses line numbers and ranges, and rejects anything else with what was expected', () => {
    expect(parseLineRanges('changes', '2,5')).toEqual([2, 5]);
    expect(parseLineRanges('changes', '2-4, 7')).toEqual([2, 3, 4, 7]);
    expect(() => parseLineRanges('safe', 'two')).toThrow(/safe=\{two\}: "two" is not a line number; expected line numbers of the block, counted from 1/);
    expect(() => parseLineRanges('safe', '0')).toThrow(/"0" is not a line number/);
    expect(() => parseLineRanges('changes', '5-3')).toThrow(/"5-3" is not a range/);
  });

  it('marks and unmarks commands by any of their lines', () => {
    expect(commands.map((c) => c.change)).toEqual(['POST $WHMCS_API_URL', undefined]);
    const marked = applyOverrides(commands, { safe: [2], changes: [5] }, 5);
    expect(marked.map((c) => c.change)).toEqual([undefined, 'railway run']);
    // The input stays as it was.
    expect(commands[0].change).toBe('POST $WHMCS_API_URL');
  });

  it('says which lines are commands when an override points at a comment, a blank line or past the end', () => {
    expect(() => applyOverrides(commands, { changes: [1] }, 5)).toThrow('changes={1}: no command on line 1 (line 1 is a comment or blank); expected the line of a command: 2, 5');
    expect(() => applyOverrides(commands, { safe: [9] }, 5)).toThrow('safe={9}: no command on line 9 (the block has 5 lines); expected the line of a command: 2, 5');
    expect(() => applyOverrides(commands, { safe: [2], changes: [2] }, 5)).toThrow(/both name the command on line 2/);
  });
});

describe('words for people', () => {
  it('shortCommand joins continuation lines and cuts long commands at a word', () => {
    expect(shortCommand('docker restart payment-service')).toBe('docker restart payment-service');
    expect(shortCommand('pg_restore --host=main-db \\\n  --dbname=production x.sql')).toBe('pg_restore --host=main-db --dbname=production x.sql');
    const long = shortCommand('docker compose exec postgres psql -U clicky -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = \'active\' AND query_start < NOW()"');
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toBe('docker compose exec postgres psql -U clicky -c "SELECT pg_terminate_backend(pid) FROM…');
    expect(shortCommand('a'.repeat(150), 40)).toBe(`${'a'.repeat(39)}…`);
    expect(shortCommand('psql <<SQL\nDELETE FROM t;\nSQL')).toBe('psql <<SQL …');
  });

  it('changeSummary counts and names the commands that change the system', () => {
    const cmd = (change?: string): Command => ({ firstLine: 0, lastLine: 0, text: 'x', ...(change ? { change } : {}) });
    expect(changeSummary([cmd(), cmd()])).toBeUndefined();
    expect(changeSummary([cmd(), cmd('docker restart'), cmd(), cmd('POST …/reset')])).toBe('2 of 4 commands here change the system: docker restart, POST …/reset.');
    expect(changeSummary([cmd(), cmd('kill')])).toBe('1 of 2 commands here changes the system: kill.');
    expect(changeSummary([cmd('kill')])).toBe('This command changes the system: kill.');
    expect(changeSummary([cmd('a'), cmd('a')])).toBe('Both commands here change the system: a.');
    expect(changeSummary([cmd('a'), cmd('b'), cmd('b')], { one: 'statement', many: 'statements' })).toBe('All 3 statements here change the system: a, b.');
  });
});

// ---------------------------------------------------------------------------------------------
// Every shell and SQL block of the example content
// ---------------------------------------------------------------------------------------------

interface Fence {
  file: string;
  line: number;
  language: string;
  meta: string;
  code: string;
}

const DOCS = join(__dirname, '../../content/docs');
function fences(): Fence[] {
  const found: Fence[] = [];
  for (const file of readdirSync(DOCS, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx')).sort()) {
    const lines = readFileSync(join(DOCS, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)(`{3,})(\w*)\s*(.*)$/.exec(lines[i]);
      if (!open) continue;
      const end = lines.findIndex((l, j) => j > i && l.trim() === open[2]);
      const indent = open[1].length;
      found.push({ file, line: i + 1, language: open[3], meta: open[4], code: lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))).join('\n') });
      i = end;
    }
  }
  return found;
}

/** What the site shows for a block: the API placeholder added, the author's marks applied. */
function commandsOf(fence: Fence): Command[] {
  const language = commandLanguage(fence.language)!;
  const code = language === 'shell' ? withApiBase(fence.code).code : fence.code;
  const meta = (key: string) => [...fence.meta.matchAll(new RegExp(`\\b${key}=\\{([^}]*)\\}`, 'g'))].flatMap((m) => parseLineRanges(key, m[1]));
  return applyOverrides(splitCommands(code, language, fence.language), { changes: meta('changes'), safe: meta('safe') }, code.split('\n').length);
}

describe('every shell and SQL block in content/docs', () => {
  const blocks = fences().filter((f) => commandLanguage(f.language));
  const all = blocks.flatMap((fence) => commandsOf(fence).map((command) => ({ fence, command })));
  const find = (file: string, text: string) => all.find((c) => c.fence.file === file && c.command.text === text);

  if (process.env.SHOW_COMMANDS) {
    for (const fence of blocks) {
      console.log(`${fence.file}:${fence.line} [${fence.language}${fence.meta ? ` ${fence.meta}` : ''}]`);
      for (const c of commandsOf(fence)) console.log(`  ${String(c.firstLine + 1).padStart(3)} ${c.change ? `⚠ ${c.change}`.padEnd(34) : ''.padEnd(34)} ${c.text.replace(/\n/g, '⏎')}`);
    }
  }

  it('finds the blocks and their commands', () => {
    expect(blocks.length).toBeGreaterThan(120);
    expect(all.length).toBeGreaterThan(200);
  });

  it('copies each command as written: its own lines, minus comments and prompts, nothing from another line', () => {
    for (const { fence, command } of all) {
      const site = commandLanguage(fence.language) === 'shell' ? withApiBase(fence.code).code : fence.code;
      const own = site.split('\n').slice(command.firstLine, command.lastLine + 1).map((l) => l.trim().replace(/^(>>>|\$)\s+/, ''));
      for (const line of command.text.split('\n')) expect(own.some((o) => o.startsWith(line.trim())), `${fence.file}:${fence.line} ${line}`).toBe(true);
      expect(command.text, fence.file).not.toMatch(/^\s*(#|--)/m);
      expect(command.text.trim()).not.toBe('');
    }
  });

  it('pins what a representative set of blocks holds', () => {
    const payment = blocks.find((f) => f.file === 'hundred-k-platform/scenarios/payment-system-down.mdx' && f.language === 'bash')!;
    expect(commandsOf(payment).map((c) => [c.text, c.change])).toEqual([
      ['curl -X GET "$API_URL/api/health/payment"', undefined],
      ['docker restart payment-service', 'docker restart'],
      ['curl -X GET https://api.stripe.com/v1/webhook_endpoints', undefined],
      ['curl -X POST "$API_URL/api/payment/circuit-breaker/reset"', 'POST …/circuit-breaker/reset'],
      ['curl -X POST "$API_URL/api/payment/test-transaction"', 'POST …/payment/test-transaction'],
    ]);
    expect(find('agency-platform/reference/useful-commands.mdx', 'sudo systemctl restart nginx')?.command.change).toBe('systemctl restart');
    expect(find('agency-platform/reference/useful-commands.mdx', 'sudo systemctl status nginx')?.command.change).toBeUndefined();
    expect(find('agency-platform/reference/useful-commands.mdx', 'DB::connection()->getPdo();')).toBeDefined();
    expect(find('foundation-platform/reference/useful-commands.mdx', 'docker compose exec redis redis-cli FLUSHDB')?.command.change).toBe('redis-cli FLUSHDB');
    expect(find('foundation-platform/reference/useful-commands.mdx', 'docker compose up -d --scale fastapi=2')?.command.change).toBe('docker compose up');
    expect(find('customer-portal/reference/commands.mdx', 'redis-cli FLUSHDB')?.command.change).toBe('redis-cli FLUSHDB');
    expect(find('customer-portal/reference/commands.mdx', 'redis-cli GET "sf:pe:replay:/event/OrderProvisionRequested__e"')?.command.change).toBeUndefined();
    // A read-only POST, unmarked by its author with safe={..}.
    expect(find('customer-portal/reference/commands.mdx', 'curl -X POST $WHMCS_API_URL -d "action=GetClients&responsetype=json"')?.command.change).toBeUndefined();
    expect(find('manufacturing-platform/reference/commands-and-queries.mdx', 'railway restart --service 9fd67b0e-7883-4973-85a5-639d9513d343')?.command.change).toBe('railway restart');
    expect(find('manufacturing-platform/reference/commands-and-queries.mdx', '.\\scripts\\database-operations.ps1 -Operation backup -Environment production')?.command.change).toBeUndefined();
    const terminate = all.find((c) => c.fence.file === 'hundred-k-platform/scenarios/database-connection-issues.mdx' && c.command.text.startsWith('SELECT pg_terminate_backend'))!;
    expect(terminate.command).toMatchObject({ firstLine: 4, lastLine: 7, change: 'pg_terminate_backend' });
  });

  it('flags no read-only command', () => {
    const READS = /^(sudo )?(systemctl status|supervisorctl status|docker compose (ps|logs)|docker stats|docker system df|railway (logs|status|deployments|metrics|variables get)|redis-cli( -h \S+)? (ping|info|INFO|GET)|tail|grep|cat|ps|df|du|free|htop|top|ping|curl -I|curl -f|pg_isready|pg_dump|certbot certificates|php artisan (tinker|queue:failed))\b/;
    const flagged = all.filter(({ command }) => command.change && (READS.test(command.text) || /curl (-X GET|-I|-f)\b/.test(command.text) || /^SELECT (?!pg_terminate_backend)/i.test(command.text) || /^SHOW /i.test(command.text)));
    expect(flagged.map(({ fence, command }) => `${fence.file}: ${command.text} (${command.change})`)).toEqual([]);
    expect(all.filter(({ command }) => READS.test(command.text)).length).toBeGreaterThan(40);
  });

  it('flags every restart, reset, flush, kill, delete, rollback, restore and write', () => {
    const CHANGES = /\b(restart|reset|FLUSHDB|FLUSHALL|DEL|kill|-delete|prune|rollback|rollback\.sh|restore|truncate|renew|up -d|variables set|config:cache|config:clear|cache:clear|queue:restart|queue:retry|log:clear|pg_terminate_backend|pg_restore|-X POST)\b/;
    const missed = all.filter(({ command }) => CHANGES.test(command.text) && !command.change && !/-X POST \$WHMCS_API_URL/.test(command.text) && !/^kill -0/.test(command.text));
    expect(missed.map(({ fence, command }) => `${fence.file}: ${command.text}`)).toEqual([]);
    expect(all.filter(({ command }) => command.change).length).toBeGreaterThan(60);
  });

  it('leaves no relative API path without its placeholder', () => {
    for (const fence of blocks.filter((f) => commandLanguage(f.language) === 'shell')) {
      for (const command of commandsOf(fence)) expect(findRelativeUrls(command.text), `${fence.file}: ${command.text}`).toEqual([]);
    }
  });
});
