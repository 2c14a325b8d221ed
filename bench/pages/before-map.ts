// A page whose map is far below the fold: what it downloads is the cost of the element on a page
// that has not yet needed a map.
import '../../src/index.js';
