/* page.js - twcost.html: the form, the views, the exports.
 *
 * Every figure on this page comes from libtwcost compiled to WebAssembly:
 * the reports are the twcost command itself, run in the page with the
 * flags the form and the URL give (twcweb_run: the same JSON as
 * `twcost compare --format json`), and a field is checked by the library
 * as the user types (twc_set_text, twc_last_error: the library's own
 * message, whatever language it speaks).  This script only lays the
 * figures out; it computes none of them.
 *
 * The URL contract: ?KEY=VALUE for any input key twc_set takes (staff,
 * home, start, fiscal_index, ...), plus profile (a bundled scenario's
 * name), view (compare, budget, simulate, breakeven), plan, draws, seed,
 * vs, lo, hi, lang (ja, en) and fy (the budget's fiscal year, any form
 * twcost --fy takes, or all; default 令和9年度 when in the horizon).  The page writes the document of each
 * report it shows into <script type="application/json"> elements:
 * twcost-compare always, twcost-budget in the budget view (--plan PLAN),
 * twcost-simulate in the simulate view (--draws N --seed S --threads 1),
 * and sets data-twcost="ready" on <html> when they are written (or
 * "error" when the inputs were refused: then no document is written). */
'use strict';

var Module = {
	print: function () {},
	printErr: function () {},
	onRuntimeInitialized: function () {
		twcostPage.start();
	},
	onAbort: function (what) {
		twcostPage.fatal(String(what));
	}
};

var twcostPage = (function () {
	var $ = function (id) { return document.getElementById(id); };

	/* ---- the page's own words (the library's messages are its own) -- */
	var WORDS = {
		ja: {
			title: 'テレワーク費用と特別交付税措置の試算',
			print: '印刷', about: 'このページについて', close: '閉じる',
			loading: '計算エンジンを読み込んでいます…',
			scenario: '団体と前提', profile: 'シナリオ', name: '団体名',
			kind: '種類', kind_prefecture: '都道府県',
			kind_designated_city: '指定都市', kind_municipality: '市町村',
			kind_special_ward: '特別区', kind_association: '一部事務組合等',
			staff: '一般行政職員数', persons: '人', start: '導入着手',
			fiscal_index: '財政力指数', years: '試算年数',
			fiscal_years: '年度',
			styles: '働き方（対象職員の割合と週あたり日数）',
			share: '割合 (0–1)', days: '日/週', sites: '拠点数',
			home: '在宅勤務', satellite: 'サテライトオフィス勤務',
			mobile: 'モバイルワーク',
			jlis: 'J-LIS「自治体テレワークシステム for LGWAN」',
			jlis_free_until: '無償の最終年度',
			jlis_fee_yen: 'その後の利用料（1人・年）', yen: '円',
			own_files: '自分のシナリオ・カタログ',
			own_files_hint: 'ファイルはこのパソコンの中で読むだけで、どこにも送信しません。シナリオは「シナリオ」欄で選べます。',
			reset: 'シナリオの値に戻す',
			view_compare: '比較', view_budget: '予算（千円）',
			view_simulate: '不確実性', view_breakeven: '損益分岐',
			stale: '入力に誤りがあるため、結果は最後に計算できた値のままです。',
			copy_tsv: '表をコピー（Excelに貼付）', download_csv: 'CSV',
			download_json: 'JSON', copied: 'コピーしました',
			notes: '警告と注記', plan: 'プラン', plan_a: 'プラン',
			plan_b: '対', staff_range: '職員数の範囲',
			draws: '試行回数', seed: '乱数の種', run: '実行',
			engine: '計算エンジン', licences: 'ライセンス',
			bundled: '（同梱）', own_file: '（ファイル）',
			other_inputs: 'URLで指定した入力',
			row_initial: '初期費用', row_running: '運用費',
			row_replacement: '更新費', row_total: '事業費',
			row_eligible: '対象経費', row_grant: '特別交付税措置見込額',
			row_rate: '措置率（0.5×補正）', row_net: '実質負担額',
			row_per_user: '1人1年あたり', row_vs: 'J-LISとの差',
			row_flip: 'J-LISと逆転する年度', row_security: 'セキュリティ',
			fit_ok: '適合', fit_warning: '要注意',
			reference: '基準',
			sum_entity: function (s) {
				return s.name + '（' + W('kind_' + s.kind) + '、一般行政職員 ' +
					yen(s.staff) + ' 人）';
			},
			sum_period: function (s) {
				return '導入着手 ' + s.start + '（' + s.start_label + '）から ' +
					s.years + ' 年度（' + s.end_label + 'まで）';
			},
			sum_users: function (s) {
				return '対象職員 ' + yen(s.users) + ' 人：在宅 ' + s.home.users +
					'、サテライト ' + s.satellite.users + '（' + s.satellite.sites +
					' 拠点）、モバイル ' + s.mobile.users;
			},
			sum_grant: function (s) {
				return '特別交付税措置：措置率 ' + fix(s.rate) + ' × 財政力補正 ' +
					fix(s.m) + '（財政力指数 ' + fix(s.fiscal_index_rounded) +
					'）＝ 対象経費の ' + fix(s.rate * s.m) +
					(s.grant_applies ? '' : '　※ 措置なし（警告を参照）');
			},
			sum_money: '金額は円、試算期間の合計。価格はカタログの既定値で、見積ではありません。',
			budget_title: function (p) { return p.label + '（' + p.id + '）予算要求（千円）'; },
			rq_title: function (y, id) { return y + ' 予算見積書 方式 ' + id + '（単位：千円）'; },
			rq_fy: '年度', rq_all: '全年度',
			rq_outside: function (fy) { return fy + ' は試算期間にありません。'; },
			rq_head: ['節', '細節', '事項', '見積額', '積算基礎'],
			rq_cost: '事業費計',
			rq_funds: ['財源内訳 国庫支出金', '財源内訳 都道府県支出金',
				'財源内訳 地方債', '財源内訳 その他特定財源'],
			rq_general: '財源内訳 一般財源', rq_general_basis: '事業費計－特定財源',
			rq_grant: '特別交付税措置見込額（参考）',
			rq_grant_range: function (a, b) { return '解釈により ' + a + '〜' + b; },
			rq_real: '実質負担額（参考）',
			rq_real_basis: '一般財源－特別交付税措置見込額',
			rq_staff: '参考：職員の作業時間',
			rq_staff_basis: '事業費計に含まない（自団体職員分）',
			debt_title: '債務負担行為',
			debt_head: ['債務負担行為 事項', '議決年度', '期間', '限度額（千円）'],
			bycat_title: '費目別（特別交付税措置の区分、twcost budget --by category と同じ表、千円）',
			budget_head: '千円', budget_sum: '合計',
			budget_cost: '事業費計', budget_grant: '特別交付税（見込）',
			budget_net: '一般財源等',
			budget_exact: function (b) {
				return '各行を千円未満四捨五入、合計は表示した行の和。円単位：事業費 ' +
					yen(b.total_yen) + ' 円、特別交付税 ' + yen(b.grant_yen) +
					' 円、実質負担 ' + yen(b.net_yen) + ' 円。';
			},
			sim_head: ['プラン', '見込額', '平均', 'P10', 'P50', 'P90',
				'最安の確率（セキュリティ適合プラン中）', '最安の確率（全プラン中）',
				'J-LISより安い確率'],
			sim_info: function (j, ms) {
				return yen(j.draws) + ' 回（乱数の種 ' + j.seed + '、不確実な入力 ' +
					j.inputs + ' 個、全プランを同じ乱数で計算）：' +
					Math.round(ms) + ' ミリ秒。実質負担額（円）。';
			},
			scurve_title: '実質負担額の累積分布（S字曲線）',
			axis_money: '実質負担額（百万円）', axis_prob: '確率',
			be_found: function (r, a, b) {
				return '職員 ' + yen(r.below.value) + ' 人と ' + yen(r.above.value) +
					' 人の間で ' + a + ' と ' + b + ' の実質負担額が逆転します。';
			},
			be_none: function (r, a, b) {
				return yen(r.range[0]) + '〜' + yen(r.range[1]) + ' 人の範囲では ' +
					a + ' と ' + b + ' の実質負担額は逆転しません。';
			},
			axis_staff: '一般行政職員数（人）',
			file_ok: '問題ありません',
			about_text: '<p>このファイル1つで動く twcost です。ブラウザで開くだけで、インストールもネットワークも使いません。入力や読み込んだファイルはどこにも送信されません。計算はコマンド版 <code>twcost</code> と同じCのライブラリ（libtwcost）をWebAssemblyにしたもので、同じ入力なら同じ金額（円単位）になります。</p><p>同僚に渡すときは、この <code>twcost.html</code> ファイルをそのまま共有フォルダやUSBメモリで渡してください。URLの <code>?staff=220&amp;home=0.25&amp;start=R7</code> のような指定も使えます。</p><p>価格はカタログの既定値（出典はプロファイルに記載）で、見積ではありません。自団体の見積をシナリオファイルの <code>quotes</code> に書いて読み込んでください。</p><p>このページは GNU GPL 第3版以降で配布されます（GSL を静的に含むため）。ソースコードは twcost の配布物に含まれています。</p>'
		},
		en: {
			title: 'Telework cost and special allocation tax estimator',
			print: 'Print', about: 'About', close: 'Close',
			loading: 'Loading the engine…',
			scenario: 'Entity and assumptions', profile: 'Scenario',
			name: 'Entity name', kind: 'Kind', kind_prefecture: 'prefecture',
			kind_designated_city: 'designated city',
			kind_municipality: 'municipality',
			kind_special_ward: 'special ward',
			kind_association: 'association', staff: 'General staff',
			persons: 'staff', start: 'Start of introduction',
			fiscal_index: 'Fiscal capacity index', years: 'Horizon',
			fiscal_years: 'fiscal years',
			styles: 'Work styles (share of staff enrolled, days a week)',
			share: 'share (0–1)', days: 'days/week', sites: 'sites',
			home: 'Home', satellite: 'Satellite office', mobile: 'Mobile',
			jlis: 'J-LIS LGWAN telework system',
			jlis_free_until: 'Last free fiscal year',
			jlis_fee_yen: 'Fee after it (per user, year)', yen: 'yen',
			own_files: 'Your own scenario or catalogue',
			own_files_hint: 'Files are read on this computer only and sent nowhere. A scenario then appears under "Scenario".',
			reset: 'Back to the scenario\'s values',
			view_compare: 'Compare', view_budget: 'Budget (¥1,000)',
			view_simulate: 'Uncertainty', view_breakeven: 'Break-even',
			stale: 'Some input is refused: the results are the last ones that could be computed.',
			copy_tsv: 'Copy table (paste into Excel)', download_csv: 'CSV',
			download_json: 'JSON', copied: 'Copied',
			notes: 'Warnings and notes', plan: 'Plan', plan_a: 'Plan',
			plan_b: 'vs', staff_range: 'Staff from',
			draws: 'Draws', seed: 'Seed', run: 'Run',
			engine: 'Engine', licences: 'Licences',
			bundled: ' (bundled)', own_file: ' (file)',
			other_inputs: 'Inputs from the URL',
			row_initial: 'Initial', row_running: 'Running',
			row_replacement: 'Replacement', row_total: 'Total cost',
			row_eligible: 'Eligible', row_grant: 'Special allocation tax',
			row_rate: 'Effective rate (0.5 × m)', row_net: 'Net cost',
			row_per_user: 'Per user and year', row_vs: 'vs J-LIS',
			row_flip: 'Crosses J-LIS in', row_security: 'Security',
			fit_ok: 'ok', fit_warning: 'warning', reference: 'reference',
			sum_entity: function (s) {
				return s.name + ' (' + W('kind_' + s.kind) + ', ' + yen(s.staff) +
					' general staff)';
			},
			sum_period: function (s) {
				return 'Start ' + s.start + ' (FY' + s.start_fy + '); ' + s.years +
					' fiscal years to FY' + s.end_fy;
			},
			sum_users: function (s) {
				return 'Enrolled ' + yen(s.users) + ': home ' + s.home.users +
					', satellite ' + s.satellite.users + ' (' + s.satellite.sites +
					' sites), mobile ' + s.mobile.users;
			},
			sum_grant: function (s) {
				return 'Grant: rate ' + fix(s.rate) + ' × m ' + fix(s.m) +
					' (fiscal index ' + fix(s.fiscal_index_rounded) + ') = ' +
					fix(s.rate * s.m) + ' of eligible initial cost' +
					(s.grant_applies ? '' : ': NOT APPLIED (see warnings)');
			},
			sum_money: 'Yen over the horizon. Prices are catalogue defaults, not quotes.',
			budget_title: function (p) { return p.label_en + ' (' + p.id + '): budget request in ¥1,000'; },
			rq_title: function (y, id) { return 'Budget request for ' + y + ', plan ' + id + ' (thousand yen)'; },
			rq_fy: 'Fiscal year', rq_all: 'All years',
			rq_outside: function (fy) { return fy + ' is not in the horizon.'; },
			rq_head: ['Section (節)', 'Subsection (細節)', 'Item', 'Estimate', 'Basis'],
			rq_cost: 'total cost',
			rq_funds: ['funding: national treasury', 'funding: prefecture',
				'funding: local bonds', 'funding: other specific sources'],
			rq_general: 'funding: general revenue',
			rq_general_basis: 'total cost - specific sources',
			rq_grant: 'expected special allocation tax (reference)',
			rq_grant_range: function (a, b) { return a + ' to ' + b + ' by the reading'; },
			rq_real: 'real burden (reference)',
			rq_real_basis: 'general revenue - expected special allocation tax',
			rq_staff: 'reference: own staff time',
			rq_staff_basis: 'not in the total cost (the entity\'s own staff)',
			debt_title: 'Multi-year commitments (債務負担行為)',
			debt_head: ['multi-year commitment: item', 'voted in', 'period', 'limit (thousand yen)'],
			bycat_title: 'By category of the grant (the table of twcost budget --by category), thousand yen',
			budget_head: '¥1,000', budget_sum: 'Total',
			budget_cost: 'Total cost', budget_grant: 'Grant (expected)',
			budget_net: 'Net',
			budget_exact: function (b) {
				return 'Each line rounded half-up to ¥1,000; totals add the lines shown. Exact: cost ¥' +
					yen(b.total_yen) + ', grant ¥' + yen(b.grant_yen) + ', net ¥' +
					yen(b.net_yen) + '.';
			},
			sim_head: ['Plan', 'Estimate', 'Mean', 'P10', 'P50', 'P90',
				'Cheapest of the plans that fit', 'Cheapest of all plans',
				'Below J-LIS'],
			sim_info: function (j, ms) {
				return yen(j.draws) + ' draws (seed ' + j.seed + ', ' + j.inputs +
					' uncertain inputs, every plan on the same draws): ' +
					Math.round(ms) + ' ms. Net cost in yen.';
			},
			scurve_title: 'Net cost, cumulative distribution (S-curves)',
			axis_money: 'Net cost (million yen)', axis_prob: 'Probability',
			be_found: function (r, a, b) {
				return 'The net costs of ' + a + ' and ' + b + ' cross between ' +
					yen(r.below.value) + ' and ' + yen(r.above.value) + ' staff.';
			},
			be_none: function (r, a, b) {
				return 'The net costs of ' + a + ' and ' + b + ' do not cross from ' +
					yen(r.range[0]) + ' to ' + yen(r.range[1]) + ' staff.';
			},
			axis_staff: 'General staff',
			file_ok: 'ok',
			about_text: '<p>twcost in one file: open it in a browser, with nothing to install and no network. Inputs and files you open are sent nowhere. The figures come from the same C library as the <code>twcost</code> command (libtwcost, compiled to WebAssembly): the same inputs give the same yen.</p><p>To hand it to a colleague, copy this one file, <code>twcost.html</code>, to a shared folder or a USB stick. Inputs can be given in the URL too: <code>?staff=220&amp;home=0.25&amp;start=R7</code>.</p><p>Prices are catalogue defaults (each one\'s source is in the profile), not quotes: put your own quotes in a scenario file (<code>quotes</code>) and open it.</p><p>This page is distributed under the GNU GPL version 3 or later (it links GSL statically). Its source is twcost\'s source distribution.</p>'
		}
	};
	var lang = 'ja';

	function W(key) {
		var w = WORDS[lang][key];
		return w === undefined ? WORDS.ja[key] : w;
	}

	/* A JSON object's warnings or notes in the page's language (the JSON
	 * carries both: KEY in English, KEY_ja in Japanese). */
	function said(o, key) {
		return lang === 'ja' && o[key + '_ja'] ? o[key + '_ja'] : o[key];
	}

	var nf = new Intl.NumberFormat('ja-JP');
	function yen(v) { return v === null || v === undefined ? '' : nf.format(v); }
	function fix(v) { return Number(v).toFixed(2); }

	/* ---- the engine ------------------------------------------------- */
	var api = {};

	/* Run `twcost WORDS...` in the page: {rc, out, err}. */
	function twcost(words) {
		/* The library's messages (and the CLI's, where it has them) in
		 * the page's language. */
		words = words.concat(['--lang', lang]);
		var sizes = words.map(function (w) { return Module.lengthBytesUTF8(w) + 1; });
		var total = sizes.reduce(function (a, b) { return a + b; }, 1);
		var p = Module._malloc(total), off = 0, rc;
		words.forEach(function (w, i) {
			Module.stringToUTF8(w, p + off, sizes[i]);
			off += sizes[i];
		});
		rc = Module._twcweb_run(words.length, p);
		Module._free(p);
		return {rc: rc, out: text(Module._twcweb_out()), err: text(Module._twcweb_err())};
	}

	/* A NUL-terminated UTF-8 string in the engine's memory, every byte of
	 * it: UTF8ToString would drop the byte-order mark of CSV output. */
	var decoder = new TextDecoder('utf-8', {ignoreBOM: true});
	function text(p) {
		var heap = Module.HEAPU8, end = p;
		while (heap[end])
			end++;
		return decoder.decode(heap.subarray(p, end));
	}

	function bindApi() {
		var c = Module.cwrap;
		api.openBuf = c('twc_open_buf', 'number', ['string', 'number', 'number', 'number']);
		api.close = c('twc_close', null, ['number']);
		api.setText = c('twc_set_text', 'number', ['number', 'string', 'string']);
		api.lastError = c('twc_last_error', 'string', ['number']);
		api.count = c('twc_count', 'number', ['number', 'string', 'string']);
		api.get = c('twc_get', 'number', ['number', 'string']);
		api.text = c('twc_text', 'number', ['number', 'string', 'string']);
		api.result = c('twc_result', 'number', ['number', 'string', 'string']);
		api.bundledCount = c('twc_bundled_count', 'number', []);
		api.bundled = c('twc_bundled', 'string', ['number', 'string']);
		api.version = c('twc_version', 'string', []);
		/* the language twc_open_buf's message is in */
		api.lang = c('twcweb_lang', null, ['string']);
	}

	/* A handle on a scenario, or {error} with the library's reason. */
	function openModel(profile) {
		var pp = Module._malloc(4), err = Module._malloc(1024), h, msg;
		var rc;
		api.lang(lang); /* its message in the page's language */
		rc = api.openBuf(profile || '', pp, err, 1024);
		h = Module.getValue(pp, 'i32');
		msg = Module.UTF8ToString(err);
		Module._free(pp);
		Module._free(err);
		if (rc === 0)
			api.setText(h, 'lang', lang);
		return rc === 0 ? {h: h} : {error: msg};
	}

	function textOf(h, plan, field) {
		var p = api.text(h, plan, field);
		return p ? Module.UTF8ToString(p) : null;
	}

	/* ---- inputs ----------------------------------------------------- */
	/* The form's fields by input key, in the order the CLI applies them. */
	var fields = [];
	/* Inputs from the URL that the form has no field for: key -> value. */
	var extra = {};
	/* Keys the URL gave: passed even when equal to the profile's value. */
	var given = {};
	var state = {
		profile: 'default', view: 'compare', plan: '', draws: '10000',
		seed: '1', vs: 'jlis-lgwan', lo: '1', hi: '2000', fy: ''
	};
	var files = {}; /* own files: name -> 'scenario' | 'other' */

	function baseText(h, key) {
		var v;
		if (key === 'name' || key === 'kind' || key === 'start')
			return textOf(h, null, key) || '';
		v = api.get(h, key);
		if (isNaN(v))
			return '';
		if (key === 'jlis_free_until' && v >= 2100)
			return ''; /* free for good */
		return String(v);
	}

	/* Fill the form with the profile's values (the base each field is
	 * compared with: only changed or URL-given fields become flags). */
	function loadProfile() {
		var m = openModel(state.profile);
		setMsg('profile', m.error || '');
		if (m.error)
			return false;
		fields.forEach(function (f) {
			var v = baseText(m.h, f.key);
			f.base = v;
			if (!given[f.key])
				f.el.value = v;
			if (f.el.tagName === 'INPUT')
				f.el.placeholder = f.placeholder || v;
		});
		api.close(m.h);
		return true;
	}

	/* The inputs to pass, as [key, value] in order. */
	function inputPairs() {
		var pairs = [];
		fields.forEach(function (f) {
			var v = f.el.value.trim();
			if (given[f.key] || (v !== '' && v !== f.base))
				pairs.push([f.key, v]);
		});
		Object.keys(extra).forEach(function (k) { pairs.push([k, extra[k]]); });
		return pairs;
	}

	function scenarioWords() {
		var w = [];
		if (state.profile && state.profile !== 'default')
			w.push('--profile', state.profile);
		inputPairs().forEach(function (p) { w.push('--set', p[0] + '=' + p[1]); });
		return w;
	}

	function setMsg(key, text) {
		var els = document.querySelectorAll('.msg[data-for="' + key + '"]');
		Array.prototype.forEach.call(els, function (e) { e.textContent = text; });
		var input = document.querySelector('[data-key="' + key + '"]');
		if (input)
			input.classList.toggle('invalid', text !== '');
	}

	/* Check every input as the library does: each key on its own, then the
	 * scenario as a whole.  True when all pass. */
	function validate() {
		var m = openModel(state.profile), ok = true, other = $('other-msgs');
		setMsg('profile', m.error || '');
		if (m.error)
			return false;
		other.textContent = '';
		inputPairs().forEach(function (p) {
			var msg = '';
			if (api.setText(m.h, p[0], p[1]) !== 0) {
				msg = api.lastError(m.h);
				ok = false;
			}
			if (p[0] in extra) {
				var li = document.createElement('li');
				li.className = msg ? 'msg' : 'hint';
				li.textContent = msg || (W('other_inputs') + ': ' + p[0] + ' = ' + p[1]);
				other.appendChild(li);
			} else {
				setMsg(p[0], msg);
			}
		});
		fields.forEach(function (f) {
			if (!inputPairs().some(function (p) { return p[0] === f.key; }))
				setMsg(f.key, '');
		});
		setMsg('*', '');
		if (ok && api.count(m.h, null, 'plans') < 0) {
			setMsg('*', api.lastError(m.h));
			ok = false;
		}
		api.close(m.h);
		return ok;
	}

	/* ---- reports ---------------------------------------------------- */
	var last = {}; /* the last good document of each report */

	function writeDoc(id, text) {
		var el = $(id);
		if (text === null) {
			if (el)
				el.remove();
			return;
		}
		if (!el) {
			el = document.createElement('script');
			el.type = 'application/json';
			el.id = id;
			document.body.appendChild(el);
		}
		/* "</" cannot end the element early; the JSON means the same. */
		el.textContent = text.replace(/<\//g, '<\\/');
	}

	/* Run a report; its parsed JSON, or null after showing why not next
	 * to msgKey. */
	function report(words, msgKey) {
		var r = twcost(words.concat(scenarioWords()));
		if (r.rc !== 0) {
			setMsg(msgKey || '*', r.err.replace(/^twcost: /, '').trim());
			return null;
		}
		return {text: r.out, json: JSON.parse(r.out)};
	}

	function runCompare() {
		var rep = report(['compare', '--format', 'json']);
		if (!rep)
			return false;
		last.compare = rep;
		writeDoc('twcost-compare', rep.text);
		fillPlans(rep.json);
		renderCompare(rep.json);
		return true;
	}

	/* Simulations of more draws than this wait for the button. */
	var AUTO_DRAWS = 100000;

	/* Recompute what the inputs and the view need; force: run a long
	 * simulation too. */
	function refresh(force) {
		var ok = validate() && runCompare();
		if (!ok)
			writeDoc('twcost-compare', null);
		['budget', 'simulate'].forEach(function (v) {
			if (!ok || state.view !== v)
				writeDoc('twcost-' + v, null);
		});
		setMsg('sim', '');
		setMsg('breakeven', '');
		if (ok && state.view === 'budget')
			ok = runBudget();
		if (ok && state.view === 'simulate' &&
			(force === true || !(Number($('draws').value) > AUTO_DRAWS)))
			ok = runSimulate();
		if (ok && state.view === 'breakeven')
			runBreakeven();
		$('stale').hidden = ok;
		document.body.classList.toggle('stale', !ok);
		document.documentElement.setAttribute('data-twcost', ok ? 'ready' : 'error');
		if (ok && !document.documentElement.hasAttribute('data-first-result-ms'))
			document.documentElement.setAttribute('data-first-result-ms',
				String(Math.round(performance.now())));
		writeUrl();
	}

	var timer = null;
	function later() {
		clearTimeout(timer);
		timer = setTimeout(refresh, 120);
	}

	/* ---- tables ------------------------------------------------------ */
	/* A table is kept as rows of cells {text, raw, cls, head}: raw is what
	 * a copy puts on the clipboard (numbers without separators). */
	var tables = {};

	function cell(text, raw, cls) {
		return {text: String(text), raw: raw === undefined ? String(text) : String(raw), cls: cls || ''};
	}
	function num(v, cls) { return cell(yen(v), v, cls); }
	function head(text) { var c = cell(text); c.head = true; return c; }

	function drawTable(id, rows, classes) {
		var t = $(id), i, j;
		tables[id] = rows;
		t.textContent = '';
		for (i = 0; i < rows.length; i++) {
			var tr = (i === 0 ? t.createTHead() : (t.tBodies[0] || t.createTBody())).insertRow();
			if (classes && classes[i])
				tr.className = classes[i];
			for (j = 0; j < rows[i].length; j++) {
				var c = rows[i][j], el = document.createElement(c.head || i === 0 || j === 0 ? 'th' : 'td');
				if (c.node)
					el.appendChild(c.node);
				else
					el.textContent = c.text;
				if (c.cls)
					el.className = c.cls;
				tr.appendChild(el);
			}
		}
	}

	function tsv(rows) {
		return rows.map(function (r) {
			return r.map(function (c) { return c.raw.replace(/[\t\r\n]+/g, ' '); }).join('\t');
		}).join('\r\n') + '\r\n';
	}

	function csvOf(rows) {
		return '\ufeff' + rows.map(function (r) {
			return r.map(function (c) {
				var s = c.raw;
				return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
			}).join(',');
		}).join('\r\n') + '\r\n';
	}

	/* ---- compare ----------------------------------------------------- */
	function yearLabel(plan, fy) {
		var y = plan.years.filter(function (x) { return x.fy === fy; })[0];
		return y ? y.label : 'FY' + fy;
	}

	function renderCompare(j) {
		var s = j.scenario, plans = j.plans, rows = [], classes = [];
		var sum = $('summary');
		sum.textContent = '';
		[W('sum_entity')(s), W('sum_period')(s), W('sum_users')(s),
			W('sum_grant')(s), W('sum_money')].forEach(function (line) {
			var p = document.createElement('p');
			p.textContent = line;
			sum.appendChild(p);
		});
		var best = null;
		plans.forEach(function (p) {
			if (p.security_fit === 'ok' && (best === null || p.net_yen < best.net_yen))
				best = p;
		});
		rows.push([head('')].concat(plans.map(function (p) {
			var c = head(''), span = document.createElement('span');
			span.textContent = lang === 'en' ? p.label_en : p.label;
			var br = document.createElement('br'), small = document.createElement('small');
			small.textContent = p.id + (p.reference ? ' (' + W('reference') + ')' : '');
			var frag = document.createDocumentFragment();
			frag.appendChild(span);
			frag.appendChild(br);
			frag.appendChild(small);
			c.node = frag;
			c.raw = p.id;
			return c;
		})));
		classes.push('');
		function money(key, label, strong) {
			rows.push([head(W(label))].concat(plans.map(function (p) {
				return num(p[key], strong && p === best ? 'best' : '');
			})));
			classes.push(strong ? 'strong' : '');
		}
		money('initial_yen', 'row_initial');
		money('running_yen', 'row_running');
		money('replacement_yen', 'row_replacement');
		money('total_yen', 'row_total', true);
		money('eligible_yen', 'row_eligible');
		money('grant_yen', 'row_grant');
		rows.push([head(W('row_rate'))].concat(plans.map(function (p) {
			return cell(fix(p.effective_rate), p.effective_rate);
		})));
		classes.push('');
		money('net_yen', 'row_net', true);
		money('per_user_year_yen', 'row_per_user');
		rows.push([head(W('row_vs'))].concat(plans.map(function (p) {
			return cell((p.vs_jlis_yen > 0 ? '+' : '') + yen(p.vs_jlis_yen), p.vs_jlis_yen,
				p.vs_jlis_yen < 0 ? 'neg' : '');
		})));
		classes.push('');
		if (plans.some(function (p) { return p.flip_fy !== null; })) {
			rows.push([head(W('row_flip'))].concat(plans.map(function (p) {
				return p.flip_fy === null ? cell('–', '') : cell(yearLabel(p, p.flip_fy), p.flip_fy);
			})));
			classes.push('');
		}
		rows.push([head(W('row_security'))].concat(plans.map(function (p) {
			var c = cell(W('fit_' + p.security_fit), p.security_fit, 'text');
			var frag = document.createDocumentFragment(), b = document.createElement('span');
			b.className = 'fit-' + p.security_fit;
			b.textContent = W('fit_' + p.security_fit);
			frag.appendChild(b);
			said(p, 'warnings').forEach(function (w) {
				var d = document.createElement('div');
				d.textContent = w;
				frag.appendChild(d);
			});
			c.node = frag;
			c.raw = p.security_fit + (p.warnings.length ? ': ' + said(p, 'warnings').join(' / ') : '');
			return c;
		})));
		classes.push('');
		drawTable('compare-table', rows, classes);

		var ul = $('notes');
		ul.textContent = '';
		function note(text, cls) {
			var li = document.createElement('li');
			li.textContent = text;
			li.className = cls;
			ul.appendChild(li);
		}
		said(j, 'warnings').forEach(function (w) { note(w, 'warning'); });
		plans.forEach(function (p) { said(p, 'warnings').forEach(function (w) { note(p.id + ': ' + w, 'warning'); }); });
		said(j, 'notes').forEach(function (w) { note(w, 'note'); });
		plans.forEach(function (p) { said(p, 'notes').forEach(function (w) { note(p.id + ': ' + w, 'note'); }); });
	}

	/* The plan selectors follow the plans of the scenario; each shows the
	 * plan the state names (state.plan for the budget and plan A, state.vs
	 * for plan B), or a default when it names none of them. */
	function fillPlans(j) {
		var ids = j.plans.map(function (p) { return p.id; });
		[['budget-plan', 'plan'], ['be-a', 'plan'], ['be-b', 'vs']].forEach(function (s) {
			var sel = $(s[0]), want = state[s[1]];
			if (sel.options.length !== ids.length ||
				ids.some(function (id, i) { return sel.options[i].value !== id; })) {
				sel.textContent = '';
				j.plans.forEach(function (p) {
					var o = document.createElement('option');
					o.value = p.id;
					o.textContent = p.id + ' — ' + (lang === 'en' ? p.label_en : p.label);
					sel.appendChild(o);
				});
			}
			if (ids.indexOf(want) < 0)
				want = s[0] === 'be-a' ? ids[0] : j.scenario.reference_plan || ids[0];
			sel.value = want;
		});
	}

	/* ---- budget ------------------------------------------------------ */
	/* The 予算見積書 of the plan (the document's request: 節, 細節, lines
	 * with their 積算基礎, 事業費計, 財源内訳, the grant and 実質負担額 as
	 * references, staff time, 債務負担行為), for the year the selector or
	 * the URL's fy names, or every year; then the table by category.
	 * Every 千円 figure is the command's own: only a 細節's subtotal is
	 * added here, from its lines' 千円, as the command adds it. */
	var DEFAULT_FY = 2027; /* the users are writing their 令和9年度 requests */

	function runBudget() {
		/* The plan the state names, even one the scenario lacks: then the
		 * command says so, as twcost budget --plan would. */
		var id = state.plan || $('budget-plan').value;
		var rep = report(['budget', '--format', 'json', '--plan', id]);
		if (!rep) {
			writeDoc('twcost-budget', null);
			return false;
		}
		last.budget = rep;
		writeDoc('twcost-budget', rep.text);
		var p = rep.json.plans[0], rq = p.request;
		var fy = budgetYear(id, rq.years);
		fillYears(rq.years, fy);
		budget.fy = fy;
		var years = rq.years.filter(function (y) { return fy === 'all' || y.fy === fy; });
		$('budget-title').textContent = years.length === 1 ?
			W('rq_title')(fyLabel(years[0]), p.id) :
			W('rq_title')(W('rq_all'), p.id);
		renderRequest(years, years.length !== 1, p.id);
		renderDebts(rq.debt_burden.filter(function (d) {
			/* a year's request lists the commitments voted in it, as
			 * twcost budget --fy does */
			return fy === 'all' || d.contract_fy === fy;
		}), p, rq.years);
		renderByCategory(rep.json.budget[0], p);
		return true;
	}
	var budget = {fy: 'all'};

	function fyLabel(y) { return lang === 'en' ? y.label_en : y.label; }

	/* The fiscal year to show: a number, or 'all'.  state.fy is what the
	 * URL or the selector gave: any form twcost --fy takes (R9, 2027,
	 * 令和9年度, FY2027...), read by the command itself. */
	function budgetYear(id, years) {
		var want = state.fy, fys = years.map(function (y) { return y.fy; });
		setMsg('budget-fy', '');
		if (want === 'all')
			return 'all';
		if (want !== '' && fys.indexOf(Number(want)) >= 0 && /^\d{4}$/.test(want))
			return Number(want);
		if (want !== '') {
			var r = twcost(['budget', '--format', 'json', '--plan', id, '--fy', want]
				.concat(scenarioWords()));
			if (r.rc !== 0) {
				setMsg('budget-fy', r.err.replace(/^twcost: /, '').trim());
			} else {
				var got = JSON.parse(r.out).plans[0].request.years;
				if (got.length === 1)
					return got[0].fy;
				setMsg('budget-fy', W('rq_outside')(want));
			}
		}
		if (fys.indexOf(DEFAULT_FY) >= 0)
			return DEFAULT_FY;
		return fys.length ? fys[0] : 'all';
	}

	function fillYears(years, fy) {
		var sel = $('budget-fy');
		sel.textContent = '';
		years.concat([null]).forEach(function (y) {
			var o = document.createElement('option');
			o.value = y ? String(y.fy) : 'all';
			o.textContent = y ? fyLabel(y) : W('rq_all');
			sel.appendChild(o);
		});
		sel.value = String(fy);
	}

	/* The 積算基礎 without the item's name, which the line shows already
	 * (as the command's table does). */
	function calculation(l) {
		var label = lang === 'en' ? l.label_en : l.label;
		var basis = lang === 'en' ? l.basis_en : l.basis;
		if (basis.indexOf(label) === 0)
			basis = basis.slice(label.length).replace(/^[: ]+/, '');
		return basis;
	}

	function renderRequest(years, titled, id) {
		var rows = [], classes = [];
		var blank = function () { return cell(''); };
		rows.push(W('rq_head').map(function (h) { return head(h); }));
		classes.push('');
		function row(cells, cls) { rows.push(cells); classes.push(cls || ''); }
		function text(t, cls) { return cell(t, t, 'text' + (cls ? ' ' + cls : '')); }
		function foot(label, v, basis, cls) {
			row([head(label), blank(), blank(), num(v), text(basis || '')], cls);
		}
		years.forEach(function (y) {
			if (titled)
				row([head(W('rq_title')(fyLabel(y), id)), blank(), blank(), blank(), blank()], 'year');
			y.setsu.forEach(function (s) {
				row([head(s.code + ' ' + s.name), blank(), blank(), num(s.thousand_yen), text('')], 'setsu');
				var i = 0, ls = s.lines;
				while (i < ls.length) {
					var l = ls[i];
					if (l.saisetsu !== '' && (i === 0 || ls[i - 1].saisetsu !== l.saisetsu)) {
						var sub = 0;
						for (var j = i; j < ls.length && ls[j].saisetsu === l.saisetsu; j++)
							sub += ls[j].thousand_yen;
						row([cell(''), head(l.saisetsu), blank(), num(sub), text('')], 'saisetsu');
					}
					row([cell(''), cell(''), head(lang === 'en' ? l.label_en : l.label),
						num(l.thousand_yen), text(calculation(l))], 'line');
					i++;
				}
			});
			var f = y.funding.thousand;
			foot(W('rq_cost'), y.cost_thousand_yen, '', 'total');
			['national_yen', 'prefectural_yen', 'bond_yen', 'other_yen'].forEach(function (k, n) {
				foot(W('rq_funds')[n], f[k], '', 'funding');
			});
			foot(W('rq_general'), f.general_yen, W('rq_general_basis'), 'funding strong');
			foot(W('rq_grant'), y.grant_memo_thousand_yen,
				y.grant_strict_thousand_yen !== y.grant_generous_thousand_yen ?
					W('rq_grant_range')(yen(y.grant_strict_thousand_yen), yen(y.grant_generous_thousand_yen)) : '',
				'memo');
			foot(W('rq_real'), y.real_burden_thousand_yen, W('rq_real_basis'), 'memo strong');
			if (y.reference.staff_time_thousand_yen !== 0)
				foot(W('rq_staff'), y.reference.staff_time_thousand_yen, W('rq_staff_basis'), 'memo');
		});
		drawTable('budget-table', rows, classes);
	}

	function renderDebts(debts, p, years) {
		$('budget-debts').hidden = debts.length === 0;
		var rows = [W('debt_head').map(function (h) { return head(h); })];
		debts.forEach(function (d) {
			var voted = years.filter(function (y) { return y.fy === d.contract_fy; })[0];
			rows.push([head(lang === 'en' ? d.label_en : d.label),
				cell(voted && lang !== 'en' ? voted.label : 'FY' + d.contract_fy, d.contract_fy),
				cell(lang === 'en' ? d.period_en : d.period),
				num(d.limit_thousand_yen)]);
		});
		drawTable('budget-debt', debts.length ? rows : [], null);
	}

	/* The table by the grant's categories, every year side by side: the
	 * multi-year view the 予算見積書 of one year does not give. */
	function renderByCategory(b, p) {
		var rows = [], classes = [];
		$('budget-bycat-title').textContent = W('bycat_title');
		rows.push([head(W('budget_head'))].concat(b.fy.map(function (fy) {
			return cell(lang === 'en' ? 'FY' + fy : yearLabel(p, fy), fy);
		})).concat([head(W('budget_sum'))]));
		classes.push('');
		b.lines.forEach(function (l) {
			rows.push([head(l.label)].concat(l.thousand_yen.map(function (v) { return num(v); }))
				.concat([num(l.total)]));
			classes.push('');
		});
		function line(label, vals, total, cls) {
			rows.push([head(W(label))].concat(vals.map(function (v) { return num(v); })).concat([num(total)]));
			classes.push(cls);
		}
		line('budget_cost', b.total_cost, b.total_cost_sum, 'total');
		line('budget_grant', b.grant, b.grant_sum, '');
		line('budget_net', b.net, b.net_sum, 'strong');
		drawTable('budget-bycat', rows, classes);
		$('budget-exact').textContent = W('budget_exact')(b);
	}

	/* ---- simulation -------------------------------------------------- */
	var COLOURS = ['#0b5cad', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0f766e', '#a16207', '#be185d'];

	function pct(v) {
		return v === null ? cell('–', '') : cell((100 * v).toFixed(1) + '%', v);
	}

	function runSimulate() {
		var t = performance.now();
		var rep = report(['simulate', '--format', 'json', '--threads', '1',
			'--draws', $('draws').value.trim(), '--seed', $('seed').value.trim()], 'sim');
		var ms = performance.now() - t;
		if (!rep) {
			writeDoc('twcost-simulate', null);
			return false;
		}
		last.simulate = rep;
		writeDoc('twcost-simulate', rep.text);
		document.documentElement.setAttribute('data-simulate-ms', String(Math.round(ms)));
		var j = rep.json, rows = [];
		$('sim-info').textContent = W('sim_info')(j, ms);
		rows.push(W('sim_head').map(function (h, i) {
			return i === 8 ? head(h.replace('J-LIS', j.reference_plan || 'J-LIS')) : head(h);
		}));
		j.plans.forEach(function (p) {
			rows.push([cell(p.id), num(p.deterministic_net_yen), num(p.net_yen.mean),
				num(p.net_yen.p10), num(p.net_yen.p50), num(p.net_yen.p90),
				pct(p.prob_cheapest), pct(p.prob_cheapest_any),
				pct(p.prob_below_reference)]);
		});
		drawTable('sim-table', rows);
		drawSCurve(j);
		return true;
	}

	var SVG = 'http://www.w3.org/2000/svg';
	function svgEl(name, attrs, text) {
		var e = document.createElementNS(SVG, name);
		Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	/* A chart of lines: series [{label, points: [[x, y]...]}], x and y
	 * ranges, tick labels; returns the <svg>. */
	function lineChart(series, opt) {
		var w = 720, h = 320, L = 64, R = 150, T = 24, B = 40;
		var svg = svgEl('svg', {viewBox: '0 0 ' + w + ' ' + h, width: w, height: h, role: 'img'});
		var x0 = opt.xmin, x1 = opt.xmax, y0 = opt.ymin, y1 = opt.ymax;
		if (x1 <= x0) { x1 = x0 + 1; }
		if (y1 <= y0) { y1 = y0 + 1; }
		function X(v) { return L + (v - x0) / (x1 - x0) * (w - L - R); }
		function Y(v) { return h - B - (v - y0) / (y1 - y0) * (h - T - B); }
		svg.appendChild(svgEl('text', {x: L, y: 14}, opt.title));
		ticks(x0, x1, 6).forEach(function (v) {
			svg.appendChild(svgEl('line', {x1: X(v), x2: X(v), y1: T, y2: h - B, 'class': 'gridline'}));
			svg.appendChild(svgEl('text', {x: X(v), y: h - B + 14, 'text-anchor': 'middle'}, opt.xfmt(v)));
		});
		ticks(y0, y1, 5).forEach(function (v) {
			svg.appendChild(svgEl('line', {x1: L, x2: w - R, y1: Y(v), y2: Y(v), 'class': 'gridline'}));
			svg.appendChild(svgEl('text', {x: L - 6, y: Y(v) + 4, 'text-anchor': 'end'}, opt.yfmt(v)));
		});
		svg.appendChild(svgEl('line', {x1: L, x2: w - R, y1: h - B, y2: h - B, 'class': 'axis'}));
		svg.appendChild(svgEl('line', {x1: L, x2: L, y1: T, y2: h - B, 'class': 'axis'}));
		svg.appendChild(svgEl('text', {x: (L + w - R) / 2, y: h - 6, 'text-anchor': 'middle'}, opt.xlabel));
		svg.appendChild(svgEl('text', {x: 12, y: (T + h - B) / 2, transform: 'rotate(-90 12 ' + (T + h - B) / 2 + ')', 'text-anchor': 'middle'}, opt.ylabel));
		series.forEach(function (s, i) {
			var c = COLOURS[i % COLOURS.length];
			svg.appendChild(svgEl('polyline', {
				points: s.points.map(function (p) { return X(p[0]).toFixed(1) + ',' + Y(p[1]).toFixed(1); }).join(' '),
				fill: 'none', stroke: c, 'stroke-width': 2
			}));
			svg.appendChild(svgEl('line', {x1: w - R + 10, x2: w - R + 26, y1: T + 8 + i * 16, y2: T + 8 + i * 16, stroke: c, 'stroke-width': 3}));
			svg.appendChild(svgEl('text', {x: w - R + 30, y: T + 12 + i * 16}, s.label));
		});
		(opt.marks || []).forEach(function (m) {
			svg.appendChild(svgEl('line', {x1: X(m), x2: X(m), y1: T, y2: h - B, stroke: '#1b1f24', 'stroke-dasharray': '4 3'}));
		});
		return svg;
	}

	function ticks(lo, hi, n) {
		var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / n)));
		[1, 2, 5, 10].some(function (k) {
			if (span / (step * k) <= n) { step *= k; return true; }
			return false;
		});
		var out = [], v = Math.ceil(lo / step) * step;
		for (; v <= hi + step * 1e-9; v += step)
			out.push(Math.round(v / step) * step);
		return out;
	}

	function drawSCurve(j) {
		var lo = Infinity, hi = -Infinity;
		var series = j.plans.map(function (p) {
			p.cdf.forEach(function (c) { lo = Math.min(lo, c.net_yen); hi = Math.max(hi, c.net_yen); });
			return {label: p.id, points: p.cdf.map(function (c) { return [c.net_yen, c.p]; })};
		});
		var fig = $('scurve');
		fig.textContent = '';
		fig.appendChild(lineChart(series, {
			title: W('scurve_title'), xmin: lo, xmax: hi, ymin: 0, ymax: 1,
			xlabel: W('axis_money'), ylabel: W('axis_prob'),
			xfmt: function (v) { return (v / 1e6).toLocaleString('ja-JP', {maximumFractionDigits: 1}); },
			yfmt: function (v) { return v.toFixed(1); }
		}));
	}

	/* ---- break-even -------------------------------------------------- */
	function runBreakeven() {
		var a = state.plan || $('be-a').value, b = state.vs || $('be-b').value;
		var lo = $('be-lo').value.trim(), hi = $('be-hi').value.trim();
		var r = twcost(['breakeven', '--format', 'json', '--plan', a, '--vs', b,
			'--over', 'staff', '--range', lo + ':' + hi].concat(scenarioWords()));
		var out = $('be-result');
		setMsg('breakeven', r.rc === 0 ? '' : r.err.replace(/^twcost: /, '').trim());
		if (r.rc !== 0) {
			out.textContent = '';
			$('be-chart').textContent = '';
			return;
		}
		var j = JSON.parse(r.out);
		out.textContent = j.found ? W('be_found')(j, a, b) : W('be_none')(j, a, b);
		/* Both plans' net cost over the range, from the library directly. */
		var m = openModel(state.profile);
		if (m.error)
			return;
		inputPairs().forEach(function (p) { api.setText(m.h, p[0], p[1]); });
		var x0 = j.range[0], x1 = j.range[1], n = 60, pa = [], pb = [], ymin = Infinity, ymax = -Infinity;
		for (var i = 0; i <= n; i++) {
			var x = Math.round(x0 + (x1 - x0) * i / n);
			if (api.setText(m.h, 'staff', String(x)) !== 0)
				continue;
			var va = api.result(m.h, a, 'net_yen'), vb = api.result(m.h, b, 'net_yen');
			if (isNaN(va) || isNaN(vb))
				continue;
			pa.push([x, va]);
			pb.push([x, vb]);
			ymin = Math.min(ymin, va, vb);
			ymax = Math.max(ymax, va, vb);
		}
		api.close(m.h);
		var fig = $('be-chart');
		fig.textContent = '';
		fig.appendChild(lineChart([{label: a, points: pa}, {label: b, points: pb}], {
			title: '', xmin: x0, xmax: x1, ymin: Math.min(0, ymin), ymax: ymax,
			xlabel: W('axis_staff'), ylabel: W('axis_money'),
			xfmt: function (v) { return yen(v); },
			yfmt: function (v) { return (v / 1e6).toLocaleString('ja-JP', {maximumFractionDigits: 1}); },
			marks: j.found ? [j.value] : []
		}));
	}

	/* ---- own files --------------------------------------------------- */
	var DIR = '/home/web_user';

	function openFiles(list) {
		var pending = list.length, out = $('check-out'), lines = [], bad = false;
		Array.prototype.forEach.call(list, function (file) {
			var rd = new FileReader();
			rd.onload = function () {
				var name = file.name.replace(/[\/\\]/g, '_');
				Module.FS.writeFile(DIR + '/' + name, new Uint8Array(rd.result));
				var r = twcost(['check', name]);
				if (r.rc === 0) {
					var m = openModel(name);
					files[name] = m.error ? 'other' : 'scenario';
					if (!m.error)
						api.close(m.h);
					lines.push(r.out.trim());
				} else {
					bad = true;
					lines.push(r.err.trim());
				}
				if (--pending === 0) {
					out.textContent = lines.join('\n');
					out.classList.toggle('bad', bad);
					fillProfiles();
				}
			};
			rd.readAsArrayBuffer(file);
		});
	}

	function fillProfiles() {
		var sel = $('profile'), n = api.bundledCount(), i;
		sel.textContent = '';
		function add(value, label) {
			var o = document.createElement('option');
			o.value = value;
			o.textContent = label;
			sel.appendChild(o);
		}
		for (i = 0; i < n; i++)
			if (api.bundled(i, 'kind') === 'scenario') {
				var name = api.bundled(i, 'name').replace(/\.cfg$/, '');
				add(name, name + W('bundled'));
				sel.lastChild.title = api.bundled(i, 'title');
			}
		Object.keys(files).forEach(function (f) {
			if (files[f] === 'scenario')
				add(f, f + W('own_file'));
		});
		if (!Array.prototype.some.call(sel.options, function (o) { return o.value === state.profile; }))
			add(state.profile, state.profile);
		sel.value = state.profile;
	}

	/* ---- export ------------------------------------------------------ */
	function download(name, text, type) {
		var a = document.createElement('a');
		a.href = URL.createObjectURL(new Blob([text], {type: type}));
		a.download = name;
		document.body.appendChild(a);
		a.click();
		setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
	}

	function copyText(text, button) {
		function done() {
			var old = button.textContent;
			button.textContent = W('copied');
			setTimeout(function () { button.textContent = old; }, 1200);
		}
		function fallback() {
			var ta = document.createElement('textarea');
			ta.value = text;
			document.body.appendChild(ta);
			ta.select();
			document.execCommand('copy');
			ta.remove();
			done();
		}
		if (navigator.clipboard && navigator.clipboard.writeText)
			navigator.clipboard.writeText(text).then(done, fallback);
		else
			fallback();
	}

	/* CSV: the command's own (compare, budget), else the table shown. */
	function csvFor(name) {
		if (name === 'compare' || name === 'budget') {
			var w = [name, '--format', 'csv'];
			if (name === 'budget') {
				w.push('--plan', state.plan || $('budget-plan').value);
				if (budget.fy !== 'all') /* the year shown */
					w.push('--fy', String(budget.fy));
			}
			var r = twcost(w.concat(scenarioWords()));
			if (r.rc === 0)
				return r.out;
		}
		return csvOf(tables['sim-table'] || []);
	}

	/* The tables a copy button names (space-separated), one after the
	 * other with an empty line between. */
	function tsvOf(ids) {
		return ids.split(' ').filter(function (id) {
			return tables[id] && tables[id].length;
		}).map(function (id) { return tsv(tables[id]); }).join('\r\n');
	}

	/* Print one view on its own (the print button prints them all). */
	function printOnly(name) {
		document.body.classList.add('print-' + name);
		window.print();
		setTimeout(function () { document.body.classList.remove('print-' + name); }, 0);
	}

	function onAction(e) {
		var b = e.target.closest('button[data-act]');
		if (!b)
			return;
		var box = b.parentNode, name = box.getAttribute('data-name');
		var act = b.getAttribute('data-act');
		if (act === 'tsv')
			copyText(tsvOf(box.getAttribute('data-table')), b);
		else if (act === 'print')
			printOnly(name);
		else if (act === 'csv')
			download('twcost-' + name + '.csv', csvFor(name), 'text/csv;charset=utf-8');
		else if (act === 'json' && last[name])
			download('twcost-' + name + '.json', last[name].text, 'application/json');
	}

	/* ---- views, language, URL ---------------------------------------- */
	function showView(v) {
		if (['compare', 'budget', 'simulate', 'breakeven'].indexOf(v) < 0)
			v = 'compare';
		state.view = v;
		Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (b) {
			b.setAttribute('aria-selected', String(b.getAttribute('data-view') === v));
		});
		Array.prototype.forEach.call(document.querySelectorAll('.view'), function (d) {
			d.classList.toggle('shown', d.id === 'view-' + v);
		});
	}

	function setLang(l) {
		lang = l === 'en' ? 'en' : 'ja';
		document.documentElement.lang = lang;
		Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) {
			e.textContent = W(e.getAttribute('data-t'));
		});
		Array.prototype.forEach.call(document.querySelectorAll('[data-t-html]'), function (e) {
			e.innerHTML = W(e.getAttribute('data-t-html'));
		});
		$('lang').textContent = lang === 'en' ? '日本語' : 'English';
		$('lang').lang = lang === 'en' ? 'ja' : 'en';
		document.title = 'twcost — ' + W('title');
		try { localStorage.setItem('twcost.lang', lang); } catch (e) { /* file:// may refuse */ }
	}

	/* Page parameters; every other key is a library input. */
	var PAGE_KEYS = ['profile', 'view', 'plan', 'draws', 'seed', 'vs', 'lo', 'hi', 'lang', 'fy'];

	function readUrl() {
		var q = new URLSearchParams(location.search);
		q.forEach(function (value, key) {
			if (PAGE_KEYS.indexOf(key) >= 0) {
				state[key] = value;
				return;
			}
			var f = fields.filter(function (x) { return x.key === key; })[0];
			given[key] = true;
			if (f && f.el.tagName === 'SELECT' &&
				!Array.prototype.some.call(f.el.options, function (o) { return o.value === value; })) {
				/* A value the list lacks: kept, for the library to judge. */
				var o = document.createElement('option');
				o.value = o.textContent = value;
				f.el.appendChild(o);
			}
			if (f)
				f.el.value = value;
			else
				extra[key] = value;
		});
		$('draws').value = state.draws;
		$('seed').value = state.seed;
		$('be-lo').value = state.lo;
		$('be-hi').value = state.hi;
	}

	function writeUrl() {
		var q = new URLSearchParams();
		if (state.profile !== 'default')
			q.set('profile', state.profile);
		inputPairs().forEach(function (p) { q.set(p[0], p[1]); });
		if (state.view !== 'compare')
			q.set('view', state.view);
		if (state.view === 'budget' && state.plan)
			q.set('plan', state.plan);
		if (state.view === 'budget' && state.fy)
			q.set('fy', state.fy);
		if (state.view === 'simulate') {
			q.set('draws', $('draws').value.trim());
			q.set('seed', $('seed').value.trim());
		}
		if (state.view === 'breakeven') {
			q.set('plan', state.plan || $('be-a').value);
			q.set('vs', state.vs || $('be-b').value);
			q.set('lo', $('be-lo').value.trim());
			q.set('hi', $('be-hi').value.trim());
		}
		if (lang === 'en')
			q.set('lang', 'en');
		var s = q.toString();
		try {
			history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
		} catch (e) { /* some browsers refuse it for file:// */ }
	}

	/* ---- start ------------------------------------------------------- */
	function start() {
		bindApi();
		Array.prototype.forEach.call(document.querySelectorAll('[data-key]'), function (el) {
			fields.push({key: el.getAttribute('data-key'), el: el, base: ''});
		});
		try { lang = localStorage.getItem('twcost.lang') || 'ja'; } catch (e) { /* none */ }
		readUrl();
		if (state.lang)
			lang = state.lang;
		setLang(lang);
		$('libversion').textContent = api.version();
		/* Own files are written beside each other, so that a scenario
		 * finds the catalogue it names. */
		try { Module.FS.mkdirTree(DIR); } catch (e) { /* there */ }
		Module.FS.chdir(DIR);
		state.profile = state.profile.replace(/\.cfg$/, '') || 'default';
		fillProfiles();
		loadProfile();
		showView(state.view);
		$('loading').hidden = true;

		$('inputs').addEventListener('input', function (e) {
			if (e.target.hasAttribute('data-key'))
				later();
		});
		$('inputs').addEventListener('change', function (e) {
			if (e.target.id === 'f-kind')
				later();
		});
		$('inputs').addEventListener('submit', function (e) { e.preventDefault(); });
		$('profile').addEventListener('change', function () {
			state.profile = $('profile').value;
			given = {};
			extra = {};
			fields.forEach(function (f) { f.el.value = ''; });
			loadProfile();
			refresh();
		});
		$('reset').addEventListener('click', function () {
			given = {};
			extra = {};
			fields.forEach(function (f) { f.el.value = ''; });
			loadProfile();
			refresh();
		});
		$('files').addEventListener('change', function (e) {
			if (e.target.files.length)
				openFiles(e.target.files);
		});
		document.querySelector('.tabs').addEventListener('click', function (e) {
			var b = e.target.closest('button[data-view]');
			if (b) {
				showView(b.getAttribute('data-view'));
				refresh();
			}
		});
		[['budget-plan', 'plan'], ['be-a', 'plan'], ['be-b', 'vs']].forEach(function (s) {
			$(s[0]).addEventListener('change', function () {
				state[s[1]] = $(s[0]).value;
				refresh();
			});
		});
		$('budget-fy').addEventListener('change', function () {
			state.fy = $('budget-fy').value;
			refresh();
		});
		['draws', 'seed', 'be-lo', 'be-hi'].forEach(function (id) {
			$(id).addEventListener('input', later);
		});
		$('sim-run').addEventListener('click', function () { refresh(true); });
		document.addEventListener('click', onAction);
		$('lang').addEventListener('click', function () {
			setLang(lang === 'ja' ? 'en' : 'ja');
			refresh();
		});
		$('print').addEventListener('click', function () { window.print(); });
		$('about-open').addEventListener('click', function () { $('about').showModal(); });

		refresh(true);
	}

	function fatal(what) {
		var p = $('fatal');
		p.hidden = false;
		p.textContent = 'twcost: ' + what;
		$('loading').hidden = true;
		document.documentElement.setAttribute('data-twcost', 'error');
	}

	/* start and fatal for the engine; the rest for tests and the curious:
	 * twcost(words) runs a command line, tsv(tableId) and csv(name) give
	 * what the copy and CSV buttons give. */
	return {
		start: start, fatal: fatal, twcost: twcost,
		tsv: function (ids) { return tsvOf(ids); },
		csv: csvFor
	};
})();
