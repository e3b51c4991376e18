// The edges that show where a card, a stat tile or a legend button is (WCAG
// 1.4.11: 3:1 against what is next to them): each whose border, laid over the
// background outside it, has less contrast with that background than 3:1.
// (colors.js comes first.)
  const failures = [];
  for (const el of root.querySelectorAll(".award-card, li.awards-stat, .awards-legend__button")) {
    const style = getComputedStyle(el);
    if (el.getBoundingClientRect().width === 0 || parseFloat(style.borderLeftWidth) === 0) continue;
    const outside = background(el.parentElement);
    const edge = blend(parse(style.borderLeftColor), outside);
    const [l1, l2] = [lum(edge), lum(outside)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < 3) failures.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className}`);
  }
  return failures;
