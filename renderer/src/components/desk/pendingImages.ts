import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

/** An image still being processed, as its placeholder reads: `![Adding photo.jpg…](media:adding-3)`. */
const placeholderPattern = /!\[[^\]\n]*\]\(media:adding-\d+\)/g;

const pending = new MatchDecorator({
  regexp: placeholderPattern,
  decoration: Decoration.mark({ class: 'cm-pending-image', attributes: { title: 'This image is being added' } }),
});

/**
 * Makes each image placeholder one unit in the editor: the caret steps over it and a click never
 * lands inside it, so nothing typed goes into it (the placeholder is replaced by the image when the
 * core has it); Backspace or Delete removes it whole.
 */
export function pendingImages() {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;

      constructor(view: EditorView) {
        this.decorations = pending.createDeco(view);
      }

      update(update: ViewUpdate): void {
        this.decorations = pending.updateDeco(update, this.decorations);
      }
    },
    {
      decorations: (plugin) => plugin.decorations,
      provide: (plugin) => EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
    },
  );
}
