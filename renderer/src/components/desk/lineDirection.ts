import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const autoDirection = Decoration.line({ attributes: { dir: 'auto' } });

/** dir="auto" on every visible line, so that each line takes the direction of its own first letter. */
const lineDirections = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;

    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }

    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let position = from; position <= to;) {
      const line = view.state.doc.lineAt(position);
      builder.add(line.from, line.from, autoDirection);
      position = line.to + 1;
    }
  }
  return builder.finish();
}

/**
 * Right-to-left text in the commentary: each line (a markdown paragraph is a line, wrapped) runs
 * in its own script's direction, Arabic or Hebrew right to left, as the preview and the blog show
 * it; CodeMirror then reads each line's direction for its cursor motion and selection.
 */
export function perLineDirection() {
  return [lineDirections, EditorView.perLineTextDirection.of(true)];
}
