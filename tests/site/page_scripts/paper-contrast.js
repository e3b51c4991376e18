// Printed, on white paper (browsers print no backgrounds by default): every
// text of ours under 4.5:1 against white, every edge (a card's, a tile's, a
// badge's, its accent bar) under 3:1, and every control still drawn as one
// (a Cite menu, a toggle, a filter, a button with a frame).
// (colors.js comes first.)
  const failures = [];
  const white = [255, 255, 255, 1];
  const onPaper = (color) => {
    const [l1, l2] = [lum(blend(parse(color), white)), lum(white)].sort((a, b) => b - a);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const shown = (el) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== "hidden";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !shown(el) || el.closest("[aria-hidden=true], .awards-sr-only, .headerlink")) continue;
    const ratio = onPaper(getComputedStyle(el).color);
    if (ratio < 4.5) failures.push(`text ${ratio.toFixed(2)} ${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 30)}`);
  }
  for (const el of root.querySelectorAll(".awards-legend__swatch")) {
    // A swatch is its colour: printed as a border, since backgrounds are not.
    const ratio = onPaper(getComputedStyle(el).borderTopColor);
    if (shown(el) && ratio < 3) failures.push(`swatch ${ratio.toFixed(2)}`);
  }
  for (const el of root.querySelectorAll(".award-card, li.awards-stat, .award-level")) {
    const style = getComputedStyle(el);
    for (const side of ["Top", "Left"]) {
      if (!shown(el) || parseFloat(style[`border${side}Width`]) === 0) continue;
      const ratio = onPaper(style[`border${side}Color`]);
      if (ratio < 3) failures.push(`edge ${ratio.toFixed(2)} ${el.tagName}.${el.className} ${side}`);
    }
  }
  for (const el of root.querySelectorAll("details.award-cite, summary, .awards-filters, button, input")) {
    const style = getComputedStyle(el);
    if (shown(el) && (el.tagName !== "BUTTON" || parseFloat(style.borderTopWidth) > 0)) failures.push(`control ${el.tagName}.${el.className}`);
  }
  return failures;
