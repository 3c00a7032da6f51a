// The Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Ordered so that categorical
// charts use the six that read on a light and a dark page alike first: yellow (1.2:1 against white) and black (lost
// in dark mode) come last, and charts with a reference series in the text colour stop before them.
export const OKABE_ITO = [
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#009E73", // bluish green
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#F0E442", // yellow
  "#000000", // black
];

/** How many categories a chart can colour before it reaches yellow and black. */
export const READABLE_COLOURS = 6;

/** Neutral grey for "everything else" (mid-range bins, reference lines). */
export const NEUTRAL = "#999999";
