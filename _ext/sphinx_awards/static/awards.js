/* sphinx_awards: the cards follow the page's light or dark mode, whatever the
 * theme; the legend filters the cards, with its state in the URL
 * (?awards-theme=ID). Without this script the cards take the light colours
 * (or the mode of a theme the stylesheet knows) and the legend is a list. */
(() => {
  const script = document.currentScript;
  const root = document.documentElement;

  // -- mode: dark when the page's own text is light, in any theme ------------
  const probe = document.querySelector(".awards-summary, .awards-legend, .awards-group, .award-card");
  const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  const rgba = (color) => {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = color; // any CSS colour, read back as sRGB
    canvas.fillRect(0, 0, 1, 1);
    return [...canvas.getImageData(0, 0, 1, 1).data];
  };
  const luminance = (color) => {
    const [r, g, b] = rgba(color);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  // -- contrast: links and headings at least 4.5:1 (WCAG AA) ----------------
  // against what is behind them. A theme's colour that falls short there is
  // replaced, in our markup only: a link's by the one of two accessible blues
  // that stands out more, a heading's by the page's own text colour.
  const FLOOR = 4.5, BLUES = ["#1a55a8", "#8cb8ff"];
  const relative = ([r, g, b]) => {
    const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const contrast = (a, b) => {
    const [light, dark] = [relative(a), relative(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  // A background image (scrolls' paper) counts as its average colour, once loaded.
  const images = new Map();
  const average = (url) => {
    if (images.has(url)) return images.get(url);
    images.set(url, null);
    const image = new Image();
    image.onload = () => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.drawImage(image, 0, 0, 1, 1);
      // Another site's image may not be read: its background colour counts.
      try {
        images.set(url, [...canvas.getImageData(0, 0, 1, 1).data.slice(0, 3), 255]);
        floor();
      } catch {}
    };
    image.src = url;
    return null;
  };
  const behind = (element) => {
    // The backgrounds up to the first opaque one, laid over each other.
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const url = /^url\("?(.*?)"?\)$/.exec(style.backgroundImage);
      const color = (url && average(url[1])) || rgba(style.backgroundColor);
      if (color[3]) layers.push(color);
      if (color[3] === 255) break;
    }
    return layers.reduceRight((under, [r, g, b, a]) => {
      const alpha = a / 255;
      return [r, g, b].map((c, i) => c * alpha + under[i] * (1 - alpha));
    }, [255, 255, 255]);
  };
  const HEADINGS = ".awards-summary__title, .awards-legend__title, .awards-group__title, .award-card h3";
  const floor = () => {
    const text = probe && getComputedStyle(probe.parentElement || probe).color;
    for (const element of document.querySelectorAll(`.award-card a[href], .awards-summary a[href], ${HEADINGS}`)) {
      // Measured without the theme's colour transition (sphinx-rtd-dark-mode
      // animates every link's), which would show a colour on its way.
      element.style.setProperty("transition", "none");
      element.style.removeProperty("color");
      const back = behind(element);
      if (contrast(rgba(getComputedStyle(element).color), back) < FLOOR) {
        const choices = element.matches(HEADINGS) ? [text, "#000", "#fff"] : [...BLUES, "#000", "#fff"];
        element.style.setProperty("color", choices.find((color) => color && contrast(rgba(color), back) >= FLOOR));
        getComputedStyle(element).color; // applied now, before the transition returns
      }
      element.style.removeProperty("transition");
    }
  };
  const followMode = () => {
    if (!probe) return;
    const dark = luminance(getComputedStyle(probe.parentElement || probe).color) > 127;
    root.dataset.awardsScheme = dark ? "dark" : "light";
    floor();
  };
  followMode();
  // Themes switch modes by attributes on <html> or <body>, or follow the system.
  const observer = new MutationObserver(followMode);
  for (const element of [root, document.body]) {
    observer.observe(element, { attributes: true, attributeFilter: ["class", "data-theme", "data-mode", "data-md-color-scheme", "style"] });
  }
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => setTimeout(followMode, 50));
  addEventListener("load", followMode);

  // -- print: authors open, whatever their toggle said -----------------------
  let closed = [];
  addEventListener("beforeprint", () => {
    closed = [...document.querySelectorAll("details.award-authors:not([open])")];
    for (const details of closed) details.open = true;
  });
  addEventListener("afterprint", () => {
    for (const details of closed) details.open = false;
  });

  // One live region says what the script did.
  let status = null;
  const announce = (text) => {
    if (!status) {
      status = document.createElement("p");
      status.className = "awards-sr-only";
      status.setAttribute("role", "status");
      if (script.dataset.lang) status.lang = script.dataset.lang;
      document.body.append(status);
    }
    status.textContent = text;
  };

  // -- cite: a copy button beside each download (the link is the fallback) --
  // and above an award page's BibTeX (which can also be selected)
  const copyButton = (what, text) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "award-cite__copy";
    button.textContent = script.dataset.copy;
    button.setAttribute("aria-label", `${script.dataset.copy} ${what}`);
    button.onclick = async () => {
      try {
        await navigator.clipboard.writeText(await text());
        announce(script.dataset.copied);
        button.dataset.done = "copied";
      } catch {
        // file:// pages cannot fetch; a browser may refuse the clipboard
        announce(script.dataset.copyFailed);
        button.dataset.done = "failed";
      }
    };
    return button;
  };
  if (script.dataset.copy) {
    for (const link of document.querySelectorAll(".award-cite a[download]")) {
      const fetched = async () => {
        const response = await fetch(link.href);
        if (!response.ok) throw response.status;
        return response.text();
      };
      link.after(" ", copyButton(link.textContent, fetched));
    }
    for (const pre of document.querySelectorAll("pre.award-bibtex")) {
      pre.before(copyButton("BibTeX", async () => pre.textContent));
    }
  }

  // -- legend and archive filters: toggle buttons that hide the other cards ---
  const KEY = "awards-theme";
  // "{shown} of 7 cards shown", in the page's language
  const said = script.dataset.status;
  const cards = [...document.querySelectorAll("article.award-card")];
  const toggle = (key, value) => {
    const url = new URL(location);
    if (url.searchParams.get(key) === value) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
    history.pushState(null, "", url);
    show(true);
  };
  const button = (value, contents, key) => {
    const made = document.createElement("button");
    made.type = "button";
    made.className = "awards-legend__button";
    made.value = value;
    made.dataset.key = key;
    made.append(...contents.childNodes);
    contents.replaceWith(made);
    made.onclick = () => toggle(key, value);
    return made;
  };
  const buttons = [];
  const legend = document.querySelector(".awards-legend");
  let hint = null;
  if (legend && script.dataset.hint) {
    hint = document.createElement("span");
    hint.id = "awards-legend-hint";
    hint.className = "awards-sr-only";
    hint.textContent = script.dataset.hint;
    legend.append(hint);
  }
  for (const item of document.querySelectorAll(".awards-legend__themes > li")) {
    const name = item.firstElementChild;
    const theme = name.querySelector("[data-awards-theme]")?.dataset.awardsTheme;
    if (!theme) continue;
    const made = button(theme, name, KEY);
    if (hint) made.setAttribute("aria-describedby", hint.id);
    buttons.push(made);
  }
  // A filter's link leads to a list of its papers (shown by :target) or to a
  // year's section; here it hides the rest instead, and an address that
  // names a list becomes that filter.
  const filters = [];
  for (const link of document.querySelectorAll(".awards-filters a[data-awards-filter]")) {
    filters.push(button(link.dataset.awardsValue, link, `awards-${link.dataset.awardsFilter}`));
  }
  for (const list of document.querySelectorAll(".awards-filter-result")) list.hidden = true;
  const named = /^#awards-filter--(level|track)--(.+)$/.exec(location.hash);
  if (named && filters.length) {
    const url = new URL(location);
    url.hash = "";
    url.searchParams.set(`awards-${named[1]}`, decodeURIComponent(named[2]));
    history.replaceState(null, "", url);
  }
  if (!buttons.length && !filters.length) return;
  function show(spoken) {
    const params = new URL(location).searchParams;
    const pressed = (b) => params.get(b.dataset.key) === b.value;
    const chosen = (key) => [...buttons, ...filters].find((b) => b.dataset.key === key && pressed(b))?.value;
    const theme = chosen(KEY) ?? null, level = chosen("awards-level"), track = chosen("awards-track");
    const year = chosen("awards-year");
    // A legend filters the cards of its own data file: theme keys are
    // "namespace--id", and an archive page shows several files.
    const file = (key) => key.slice(0, Math.max(key.lastIndexOf("--"), 0));
    for (const card of cards) {
      const key = card.dataset.awardsTheme;
      card.hidden =
        (theme !== null && file(key) === file(theme) && key !== theme) ||
        (level !== undefined && card.dataset.awardsLevel !== level) ||
        (track !== undefined && card.dataset.awardsTrack !== track);
    }
    for (const group of document.querySelectorAll(".awards-group")) {
      group.hidden = !group.querySelector(".award-card:not([hidden])");
    }
    // A year's section: hidden when another year is chosen, or none of its cards is left.
    for (const b of filters) {
      const section = b.dataset.key === "awards-year" && document.getElementById(b.value);
      if (section) {
        const emptied = section.querySelector(".award-card") && !section.querySelector(".award-card:not([hidden])");
        section.hidden = (year !== undefined && b.value !== year) || Boolean(emptied);
      }
    }
    const shown = cards.filter((card) => !card.closest("[hidden]")).length;
    for (const b of [...buttons, ...filters]) b.setAttribute("aria-pressed", pressed(b));
    if (spoken) announce(said.replace("{shown}", shown));
  }
  addEventListener("popstate", () => show(true));
  show(false);
})();
