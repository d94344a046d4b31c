/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.benchwright.ui.editor.internal.OutlinePage;
import org.benchwright.ui.editor.internal.Partitions;
import org.benchwright.ui.editor.internal.Reconciling;
import org.benchwright.ui.editor.internal.SourceConfiguration;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The procedure editor: the platform's text editor with the language's services (highlighting, validation as you
 * type with markers, content assist, hovers, go to definition, quick fixes, formatting, an outline).
 */
public class BenchwrightEditor extends TextEditor {

    public static final String ID = "org.benchwright.ui.editor";
    /** The marker type of the language's problems: a problem marker carrying the rule's code and fix. */
    public static final String MARKER = "org.benchwright.ui.editor.problem";

    private OutlinePage outline;
    private volatile LanguageWorkspace.Parsed parsed;
    private final List<Runnable> parseListeners = new CopyOnWriteArrayList<>();

    public BenchwrightEditor() {
        setSourceViewerConfiguration(new SourceConfiguration(this));
        setEditorContextMenuId("#BenchwrightEditorContext");
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] { "org.benchwright.ui.editor.scope" });
    }

    @Override
    protected void doSetInput(IEditorInput input) throws CoreException {
        super.doSetInput(input);
        IDocument document = document();
        if (document != null) {
            Partitions.install(document); // a file's has it from its buffer; another input's gets it here
        }
    }

    /** The file being edited, or {@code null} when the input is not a workspace file. */
    public IFile file() {
        IEditorInput input = getEditorInput();
        return input instanceof IFileEditorInput f ? f.getFile() : null;
    }

    public IDocument document() {
        return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
    }

    /** The text viewer, to drive the editor as a user would (content assist, hovers). */
    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    public SourceViewerConfiguration configuration() {
        return getSourceViewerConfiguration();
    }

    /** The outline, once the workbench has asked for it. */
    public OutlinePage outline() {
        return outline;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IContentOutlinePage.class) {
            if (outline == null) {
                outline = new OutlinePage(this);
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }

    /** The last parse of the editor's text and what validation said of it; {@code null} before the first. */
    public LanguageWorkspace.Parsed parsed() {
        return parsed;
    }

    /** Takes a new parse (on the UI thread): the outline and the listeners follow. */
    public void parsed(LanguageWorkspace.Parsed parsed) {
        this.parsed = parsed;
        if (outline != null) {
            outline.update(parsed);
        }
        parseListeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} on the UI thread after each parse. */
    public void addParseListener(Runnable listener) {
        parseListeners.add(listener);
    }

    public void removeParseListener(Runnable listener) {
        parseListeners.remove(listener);
    }

    /** Selects and reveals {@code length} characters at {@code offset}. */
    public void reveal(int offset, int length) {
        selectAndReveal(offset, length);
    }

    @Override
    public void dispose() {
        IFile file = file();
        if (file != null) {
            LanguageWorkspace.of(file.getProject()).closed(file);
            // closed without saving: the files that read it are judged against its saved text again
            if (!PlatformUI.getWorkbench().isClosing()) {
                Job.create("Check the files that use " + file.getName(), monitor -> {
                    Reconciling.dependents(file, monitor::isCanceled);
                }).schedule();
            }
        }
        super.dispose();
    }
}
