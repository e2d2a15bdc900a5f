// Selecting the sectors loads them once; everything else is loaded by the page that shows it.
import { loadSectors } from './thunks';

export const getSectors = loadSectors;
