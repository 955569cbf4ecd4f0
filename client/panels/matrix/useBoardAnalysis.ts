// The board's analysis, kept live: recomputed from the model on every change to the board,
// debounced so a burst of edits (a drag, someone typing) costs one analysis.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { analyseBoard, type BoardAnalysis } from '../../../shared/analysis/index.ts';
import { listCards, listLinks, observeBoard } from '../../../shared/model/index.ts';

export const ANALYSIS_DEBOUNCE_MS = 100;

function analyse(doc: Y.Doc): BoardAnalysis {
  return analyseBoard({ cards: listCards(doc), links: listLinks(doc) });
}

export function useBoardAnalysis(doc: Y.Doc): BoardAnalysis {
  const [analysis, setAnalysis] = useState(() => analyse(doc));
  useEffect(() => {
    setAnalysis(analyse(doc));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = observeBoard(doc, (changes) => {
      // Only cards and links count; workshop metadata (title, timer) does not change the analysis.
      if (!changes.cards.size && !changes.links.size) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setAnalysis(analyse(doc));
      }, ANALYSIS_DEBOUNCE_MS);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc]);
  return analysis;
}
