// interact.mjs - a person's use of twcost.html, driven through Chromium's
// DevTools protocol (puppeteer-core with Debian's Chromium; no browser is
// downloaded).  Types into the page and sees the results change to the
// CLI's figures for the same inputs, sees the library's own message for an
// impossible share and for a bad field, opens a profile file and gets the
// same message as `twcost check`, copies a table as TSV, downloads the CSV
// the CLI writes (the budget's for the year shown, or every year), switches
// to English, checks the print layout (the budget alone too), and that
// the page asked for nothing from the network.  Prints the figures the
// README quotes: time to the first result, and simulate 10,000 draws on
// the page against the native CLI.
//
// Environment: TWCOST (the native CLI), TWC_WEB_PAGE, TWC_CHROME.
// Closing line: "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const cli = process.env.TWCOST;
const pageFile = process.env.TWC_WEB_PAGE;
const url = 'file://' + pageFile;
const tmp = mkdtempSync(join(tmpdir(), 'twcost-web-'));
let passed = 0, failed = 0;

function ok(cond, what) {
	if (cond) passed++;
	else { failed++; console.error('FAIL: ' + what); }
}
function twcost(args, opts = {}) {
	return execFileSync(cli, args, { encoding: 'utf8', ...opts });
}
function refusal(args, opts = {}) {
	try {
		twcost(args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
	} catch (e) {
		return e.stderr.trim().replace(/^twcost: /, '');
	}
	return '';
}

const browser = await puppeteer.launch({
	executablePath: process.env.TWC_CHROME,
	headless: 'shell',
	userDataDir: join(tmp, 'profile'),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run',
		'--disable-default-apps'],
});
const requests = [];
async function open(query = '') {
	const page = await browser.newPage();
	await page.setRequestInterception(true);
	page.on('request', (r) => {
		if (!r.url().startsWith('file://') && !r.url().startsWith('data:') &&
			!r.url().startsWith('blob:')) {
			requests.push(r.url());
			r.abort();
		} else {
			r.continue();
		}
	});
	await page.setViewport({ width: 1400, height: 1000 });
	await page.goto(url + query);
	await page.waitForFunction(() => document.documentElement.hasAttribute('data-twcost'));
	return page;
}
const docOf = (page, id) => page.evaluate((i) => {
	const e = document.getElementById(i);
	return e ? JSON.parse(e.textContent) : null;
}, id);
const state = (page) => page.evaluate(() => document.documentElement.getAttribute('data-twcost'));
async function typeInto(page, sel, text) {
	await page.click(sel, { clickCount: 3 });
	await page.keyboard.press('Backspace');
	await page.type(sel, text);
}
// Wait for the page to settle after typing (it recomputes 120 ms after the
// last key).
async function settled(page, pred, arg) {
	await page.waitForFunction(pred, { timeout: 10000 }, arg);
}

try {
	// ---- typing changes the result, to the CLI's yen ----------------------
	let page = await open();
	const first = await page.evaluate(() => Number(document.documentElement.getAttribute('data-first-result-ms')));
	const before = await docOf(page, 'twcost-compare');
	ok(before && before.scenario.staff === 80, 'default page: staff 80');
	await typeInto(page, '#f-staff', '500');
	await settled(page, () => {
		const e = document.getElementById('twcost-compare');
		return e && JSON.parse(e.textContent).scenario.staff === 500;
	});
	const after = await docOf(page, 'twcost-compare');
	const want = JSON.parse(twcost(['compare', '--format', 'json', '--staff', '500']));
	ok(JSON.stringify(after) === JSON.stringify(want),
		'after typing staff 500 the compare document equals twcost compare --staff 500');
	const jlis = (j) => j.plans.find((p) => p.id === 'jlis-lgwan');
	ok(jlis(after).net_yen !== jlis(before).net_yen, 'the net cost changed with the staff');
	// the J-LIS plan's column: plans are columns in the JSON's order
	// (not the last one since issue 10 added daas after it)
	const column = 1 + want.plans.findIndex((p) => p.id === 'jlis-lgwan');
	const cellText = await page.evaluate((k) => {
		const rows = [...document.querySelectorAll('#compare-table tr')];
		const net = rows.find((r) => r.firstElementChild.textContent === '実質負担額');
		return net ? net.children[k].textContent : '';
	}, column);
	ok(cellText === jlis(want).net_yen.toLocaleString('ja-JP'),
		`the table shows the new net cost (${cellText})`);

	// TSV: numbers without separators, as Excel reads them.
	const tsv = await page.evaluate(() => twcostPage.tsv('compare-table'));
	const netLine = tsv.split('\r\n').find((l) => l.startsWith('実質負担額\t'));
	ok(netLine === '実質負担額\t' + want.plans.map((p) => p.net_yen).join('\t'),
		'TSV of the net-cost row: ' + netLine);
	// CSV: the CLI's own, BOM included.
	const csv = await page.evaluate(() => twcostPage.csv('compare'));
	ok(csv === twcost(['compare', '--format', 'csv', '--staff', '500']),
		'CSV download equals twcost compare --format csv');
	ok(csv.charCodeAt(0) === 0xfeff, 'CSV starts with a byte-order mark');

	// ---- the library's message for an impossible share --------------------
	await typeInto(page, '#f-home', '0.8');
	await typeInto(page, '#f-satellite', '0.5');
	await settled(page, () => document.documentElement.getAttribute('data-twcost') === 'error');
	const combined = await page.$eval('#combined', (e) => e.textContent);
	// the library's message in the page's language (Japanese by default)
	const expected = refusal(['compare', '--lang', 'ja', '--staff', '500', '--home', '0.8', '--satellite', '0.5']);
	ok(expected !== '' && combined === expected,
		`impossible shares: the page says '${combined}', the library '${expected}'`);
	ok(await docOf(page, 'twcost-compare') === null, 'no compare document while refused');
	ok(await page.$eval('#stale', (e) => !e.hidden), 'the stale-results banner shows');
	await typeInto(page, '#f-satellite', '0.1');
	await settled(page, () => document.documentElement.getAttribute('data-twcost') === 'ready');
	ok((await docOf(page, 'twcost-compare')).scenario.home.share === 0.8, 'fixed: results again');

	// A field the library refuses: its message next to the field.
	await typeInto(page, '#f-fiscal_index', '7');
	await settled(page, () => document.documentElement.getAttribute('data-twcost') === 'error');
	const fmsg = await page.$eval('.msg[data-for="fiscal_index"]', (e) => e.textContent);
	const fcli = refusal(['compare', '--lang', 'ja', '--set', 'fiscal_index=7']).replace(/^--set: /, '');
	ok(fcli !== '' && fmsg === 'fiscal_index: ' + fcli,
		`fiscal index 7: '${fmsg}' vs the CLI's '${fcli}'`);
	ok(await page.$eval('#f-fiscal_index', (e) => e.classList.contains('invalid')), 'the field is marked');

	// ---- English, and back --------------------------------------------------
	await page.click('#lang');
	await settled(page, () => document.documentElement.lang === 'en');
	ok(await page.$eval('label[for="f-staff"]', (e) => e.textContent) === 'General staff', 'English labels');
	const fen = refusal(['compare', '--lang', 'en', '--set', 'fiscal_index=7']).replace(/^--set: /, '');
	const fmsgEn = await page.$eval('.msg[data-for="fiscal_index"]', (e) => e.textContent);
	ok(fmsgEn === 'fiscal_index: ' + fen,
		`the library message follows the page language: '${fmsgEn}' vs the CLI's '${fen}'`);
	await page.click('#lang');
	await settled(page, () => document.documentElement.lang === 'ja');
	await page.close();

	// ---- print: comparison and budget, no form ----------------------------
	page = await open('?view=budget&plan=jlis-lgwan');
	await page.emulateMediaType('print');
	const print = await page.evaluate(() => ({
		form: getComputedStyle(document.getElementById('inputs')).display,
		compare: getComputedStyle(document.getElementById('view-compare')).display,
		budget: getComputedStyle(document.getElementById('view-budget')).display,
	}));
	ok(print.form === 'none' && print.compare === 'block' && print.budget === 'block',
		'print shows the comparison and the budget, not the form: ' + JSON.stringify(print));
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
	// the comparison, then the 予算見積書 of a year and the table by category
	ok(pages >= 1 && pages <= 4, `printed on ${pages} A4 pages`);
	// The budget's own print button: the budget alone, from its first page.
	const alone = await page.evaluate(() => {
		document.body.classList.add('print-budget');
		const shown = (id) => getComputedStyle(document.getElementById(id)).display;
		const r = { compare: shown('view-compare'), budget: shown('view-budget'), request: shown('budget-table') };
		document.body.classList.remove('print-budget');
		return r;
	});
	ok(alone.compare === 'none' && alone.budget === 'block' && alone.request === 'table',
		'the budget printed on its own: ' + JSON.stringify(alone));
	await page.evaluate(() => document.body.classList.add('print-budget'));
	const pdf1 = await page.pdf({ preferCSSPageSize: true });
	await page.evaluate(() => document.body.classList.remove('print-budget'));
	const pages1 = (Buffer.from(pdf1).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
	ok(pages1 >= 1 && pages1 <= 2, `the budget alone printed on ${pages1} A4 pages`);
	await page.emulateMediaType('screen');
	const budgetDoc = await docOf(page, 'twcost-budget');
	ok(budgetDoc && budgetDoc.budget[0].id === 'jlis-lgwan', 'budget document of jlis-lgwan');
	// The 予算見積書 of 令和9年度 by default: CSV the CLI's for that year,
	// TSV its 千円 as integers.
	const r9 = budgetDoc.plans[0].request.years.find((y) => y.fy === 2027);
	ok(await page.$eval('#budget-fy', (e) => e.value) === '2027', 'the year shown is 令和9年度');
	ok(await page.evaluate(() => twcostPage.csv('budget')) ===
		twcost(['budget', '--format', 'csv', '--plan', 'jlis-lgwan', '--fy', 'R9']),
		'budget CSV equals twcost budget --format csv --plan jlis-lgwan --fy R9');
	const btsv = (await page.evaluate(() => twcostPage.tsv('budget-table budget-debt'))).split('\r\n');
	ok(btsv.includes('事業費計\t\t\t' + r9.cost_thousand_yen + '\t'),
		'TSV of 事業費計: ' + btsv.find((l) => l.startsWith('事業費計')));
	const firstLine = r9.setsu[0].lines[0];
	ok(btsv.some((l) => l.startsWith('\t\t' + firstLine.label + '\t' + firstLine.thousand_yen + '\t')),
		'TSV of the first line: ' + firstLine.label);
	// Every year: the selector, the URL and the CSV follow.
	await page.select('#budget-fy', 'all');
	await settled(page, () => location.search.includes('fy=all'));
	ok(await page.evaluate(() => twcostPage.csv('budget')) ===
		twcost(['budget', '--format', 'csv', '--plan', 'jlis-lgwan']),
		'all years: budget CSV equals twcost budget --format csv --plan jlis-lgwan');
	ok(await page.$$eval('#budget-table tr.year', (r) => r.length) === budgetDoc.plans[0].request.years.length,
		'all years: one part for each year');
	await page.close();

	// ---- own profile files: twcost check's message, then use it ------------
	const dir = join(tmp, 'files');
	execFileSync('mkdir', ['-p', dir]);
	const good = twcost(['profiles', 'city-220']);
	writeFileSync(join(dir, 'mytown.cfg'), good.replace(/staff\s*=\s*220/, 'staff = 321'));
	writeFileSync(join(dir, 'typo.cfg'), good.replace(/\byears\b/, 'yeers'));
	page = await open();
	const input = await page.$('#files');
	await input.uploadFile(join(dir, 'typo.cfg'));
	await settled(page, () => document.getElementById('check-out').textContent !== '');
	const checkPage = await page.$eval('#check-out', (e) => e.textContent);
	let checkCli = '';
	try {
		twcost(['check', 'typo.cfg', '--lang', 'ja'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) { checkCli = e.stderr.trim(); }
	ok(checkCli.includes('typo.cfg:') && checkPage === checkCli,
		`check of a bad file: page '${checkPage}', CLI '${checkCli}'`);
	await input.uploadFile(join(dir, 'mytown.cfg'));
	await settled(page, () => document.getElementById('check-out').textContent.includes('mytown.cfg: ok'));
	ok(await page.$eval('#check-out', (e) => e.textContent) === twcost(['check', 'mytown.cfg'], { cwd: dir }).trim(),
		'check of a good file says what twcost check says');
	await page.select('#profile', 'mytown.cfg');
	await settled(page, () => {
		const e = document.getElementById('twcost-compare');
		return e && JSON.parse(e.textContent).scenario.staff === 321;
	});
	const own = await docOf(page, 'twcost-compare');
	const ownCli = JSON.parse(twcost(['compare', '--format', 'json', '--profile', 'mytown.cfg'], { cwd: dir }));
	ok(JSON.stringify(own) === JSON.stringify(ownCli), 'an opened scenario gives the CLI\'s figures');
	await page.close();

	// ---- no cairo, no libxlsxwriter in the page: said, exit 2 -------------
	page = await open();
	const plot = await page.evaluate(() => twcostPage.twcost(['simulate', '--draws', '10', '--plot', 'x.png']));
	ok(plot.rc === 2 && /without cairo/.test(plot.err), 'the page refuses --plot: ' + plot.err.trim());
	const xlsx = await page.evaluate(() => twcostPage.twcost(['compare', '--format', 'xlsx', '-o', 'x.xlsx']));
	ok(xlsx.rc === 2 && /without libxlsxwriter/.test(xlsx.err), 'the page refuses xlsx: ' + xlsx.err.trim());
	// Threads: asked for 2, the page has none; same figures as 1 thread.
	const two = await page.evaluate(() => twcostPage.twcost(['simulate', '--format', 'json', '--draws', '3000', '--threads', '2']));
	const one = JSON.parse(twcost(['simulate', '--format', 'json', '--draws', '3000', '--threads', '1']));
	const twoJ = two.rc === 0 ? JSON.parse(two.out) : null;
	ok(twoJ && JSON.stringify(twoJ.plans) === JSON.stringify(one.plans),
		'2 threads asked in the page: the figures of 1 thread');

	// ---- break-even over staff ---------------------------------------------
	await page.click('button[data-view="breakeven"]');
	await page.select('#be-a', 'lgwan-remote');
	await settled(page, () => document.getElementById('be-result').textContent !== '' &&
		document.querySelector('#be-chart svg polyline') !== null);
	const beCli = JSON.parse(twcost(['breakeven', '--format', 'json', '--plan', 'lgwan-remote',
		'--vs', 'jlis-lgwan', '--over', 'staff', '--range', '1:2000']));
	const beText = await page.$eval('#be-result', (e) => e.textContent);
	ok(beCli.found ? beText.includes(beCli.below.value.toLocaleString('ja-JP')) : beText.includes('逆転しません'),
		'break-even: ' + beText);
	await page.close();

	// ---- figures: time to first result, simulate 10,000 draws ----------------
	const times = [];
	for (let i = 0; i < 3; i++) {
		page = await open('?view=simulate&draws=10000&seed=1');
		times.push(await page.evaluate(() => ({
			first: Number(document.documentElement.getAttribute('data-first-result-ms')),
			sim: Number(document.documentElement.getAttribute('data-simulate-ms')),
		})));
		await page.close();
	}
	const cliTimes = [];
	for (let i = 0; i < 3; i++) {
		const t = process.hrtime.bigint();
		twcost(['simulate', '--format', 'json', '--threads', '1', '--draws', '10000', '--seed', '1']);
		cliTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
	}
	const min = (a) => Math.min(...a);
	console.log(`figure: file_bytes ${readFileSync(pageFile).length}`);
	console.log(`figure: first_result_ms ${Math.round(first)} (default view; with a 10,000-draw simulation: ${min(times.map((x) => x.first))})`);
	console.log(`figure: page_simulate_10000_ms ${min(times.map((x) => x.sim))}`);
	console.log(`figure: cli_simulate_10000_ms ${Math.round(min(cliTimes))} (whole process, 1 thread)`);
	ok(times.every((x) => x.sim > 0), 'the simulate view timed its run');

	ok(requests.length === 0, 'no network request: ' + requests.join(' '));
} catch (e) {
	failed++;
	console.error('FAIL: ' + (e && e.stack ? e.stack : e));
} finally {
	await browser.close();
	rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
