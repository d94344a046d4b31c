/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import java.util.List;
import java.util.Map;

import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;

/** Format (Ctrl+Shift+F): lays the file out as the library is written, as {@code validate}'s formatter does. */
public final class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof BenchwrightEditor editor) {
            format(editor);
        }
        return null;
    }

    /** Formats the editor's document in one undoable change; whether the text parsed well enough to format. */
    public static boolean format(BenchwrightEditor editor) {
        IFile file = editor.file();
        IDocument document = editor.document();
        if (file == null || document == null) {
            return false;
        }
        String text = document.get();
        LanguageWorkspace workspace = LanguageWorkspace.of(file.getProject());
        List<ITextReplacement> replacements;
        synchronized (workspace) {
            XtextResource resource = workspace.parse(file, text);
            if (resource == null || resource.getParseResult().hasSyntaxErrors()) {
                return false; // never reshuffle a file the parser could not read whole
            }
            var injector = LanguageWorkspace.injector();
            FormatterRequest request = injector.getInstance(FormatterRequest.class);
            request.setTextRegionAccess(injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource)
                    .create());
            request.setPreferences(new MapBasedPreferenceValues(
                    Map.of(FormatterPreferenceKeys.indentation.getId(), "    ")));
            replacements = injector.getInstance(IFormatter2.class).format(request);
        }
        MultiTextEdit edit = new MultiTextEdit();
        replacements.stream().sorted((a, b) -> a.getOffset() - b.getOffset())
                .forEach(r -> edit.addChild(new ReplaceEdit(r.getOffset(), r.getLength(), r.getReplacementText())));
        try {
            edit.apply(document);
            return true;
        } catch (MalformedTreeException | BadLocationException e) {
            return false;
        }
    }
}
