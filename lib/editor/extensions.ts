import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import Italic from "@tiptap/extension-italic";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";

/**
 * The one Tiptap extension list. The browser editor and every server-side use of editor JSON
 * share it, so the editor can never produce a node the bulletin cannot print.
 */
export const bulletinExtensions = [Document, Paragraph, Text, Bold, Italic];
