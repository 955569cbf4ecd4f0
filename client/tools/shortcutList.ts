// Every keyboard shortcut of the board, as the help overlay (`?`) lists them. `mod` is Ctrl, or
// Cmd on a Mac. None acts while a text field, editor, dialog or menu has the keys (keyTarget.ts).

export interface ShortcutGroup {
  title: string;
  items: readonly { keys: readonly string[]; does: string }[];
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Tools and cards',
    items: [
      { keys: ['V'], does: 'Select tool' },
      { keys: ['L'], does: 'Link tool: click or drag from one card to another' },
      { keys: ['N'], does: 'New note' },
      { keys: ['I'], does: 'New intervention' },
      { keys: ['O'], does: 'New objective' },
      { keys: ['A'], does: 'New actor' },
      { keys: ['F'], does: 'New frame' },
      { keys: ['T'], does: 'Add an SDG target by code' },
      { keys: ['Double-click'], does: 'Edit a card’s text, or add a note on empty board' },
      { keys: ['Enter'], does: 'Edit the selected card’s text' },
      { keys: ['Esc', 'Enter'], does: 'Close a card’s editor; what was typed stays (it is saved as you type)' },
    ],
  },
  {
    title: 'Selection',
    items: [
      { keys: ['Click', 'Shift+Click'], does: 'Select, add to or remove from the selection' },
      { keys: ['Drag on empty board'], does: 'Select the cards inside a rectangle' },
      { keys: ['mod+A'], does: 'Select every card' },
      { keys: ['Arrows', 'Shift+Arrows'], does: 'Move the selection by 1 or 10 px' },
      { keys: ['Delete', 'Backspace'], does: 'Delete the selection' },
      { keys: ['mod+D'], does: 'Duplicate' },
      { keys: ['mod+C', 'mod+X', 'mod+V'], does: 'Copy, cut, paste (also into another board)' },
      { keys: ['Esc'], does: 'Clear the selection, leave a tool' },
    ],
  },
  {
    title: 'Undo',
    items: [
      { keys: ['mod+Z'], does: 'Undo your last change' },
      { keys: ['mod+Shift+Z', 'mod+Y'], does: 'Redo' },
    ],
  },
  {
    title: 'View',
    items: [
      { keys: ['Scroll', 'Shift+Scroll'], does: 'Pan' },
      { keys: ['mod+Scroll', 'Pinch'], does: 'Zoom around the pointer' },
      { keys: ['Space+Drag', 'Middle-drag'], does: 'Pan' },
      { keys: ['mod+=', 'mod+−'], does: 'Zoom in, zoom out' },
      { keys: ['mod+0'], does: 'Zoom to 100 %' },
      { keys: ['Shift+1'], does: 'Zoom to fit the whole board' },
      { keys: ['Shift+2'], does: 'Zoom to the selection' },
      { keys: ['M'], does: 'Show or hide the minimap' },
      { keys: ['Shift+O'], does: 'Show or hide the outline' },
      { keys: ['?'], does: 'Show or hide this help' },
    ],
  },
];
