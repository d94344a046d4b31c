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

import java.util.ArrayList;
import java.util.List;

import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires the language's services into the text viewer of a {@link BenchwrightEditor}. */
public final class SourceConfiguration extends TextSourceViewerConfiguration {

    /** How long typing must pause, in milliseconds, before the file is parsed and validated again. */
    public static final int RECONCILER_DELAY = 100;

    private final BenchwrightEditor editor;

    public SourceConfiguration(BenchwrightEditor editor) {
        this.editor = editor;
    }

    @Override
    public String getConfiguredDocumentPartitioning(ISourceViewer viewer) {
        return Partitions.PARTITIONING;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer viewer) {
        return Partitions.TYPES.clone();
    }

    /**
     * Colours by partition (see {@link Partitions}): a keystroke recolours the lines it changed, or the comment or
     * string it opened or closed, not the whole file.
     */
    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(Partitions.PARTITIONING);
        DefaultDamagerRepairer code = new DefaultDamagerRepairer(new LexicalScanner());
        reconciler.setDamager(code, IDocument.DEFAULT_CONTENT_TYPE);
        reconciler.setRepairer(code, IDocument.DEFAULT_CONTENT_TYPE);
        DefaultDamagerRepairer comment = new DefaultDamagerRepairer(LexicalScanner.whole(Colours.COMMENT, SWT.ITALIC));
        reconciler.setDamager(comment, Partitions.COMMENT);
        reconciler.setRepairer(comment, Partitions.COMMENT);
        DefaultDamagerRepairer string = new DefaultDamagerRepairer(LexicalScanner.whole(Colours.STRING, SWT.NORMAL));
        reconciler.setDamager(string, Partitions.STRING);
        reconciler.setRepairer(string, Partitions.STRING);
        return reconciler;
    }

    @Override
    public IReconciler getReconciler(ISourceViewer viewer) {
        return new Rechecking(new Reconciling(editor, viewer), RECONCILER_DELAY);
    }

    @Override
    public IContentAssistant getContentAssistant(ISourceViewer viewer) {
        ContentAssistant assistant = new ContentAssistant();
        assistant.setContentAssistProcessor(new Proposals(editor), IDocument.DEFAULT_CONTENT_TYPE);
        assistant.enableAutoActivation(true);
        assistant.setAutoActivationDelay(300);
        assistant.setInformationControlCreator(getInformationControlCreator(viewer));
        return assistant;
    }

    @Override
    public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
        return new Hover(editor);
    }

    @Override
    public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer viewer) {
        List<IHyperlinkDetector> detectors = new ArrayList<>(List.of(super.getHyperlinkDetectors(viewer)));
        detectors.add(0, new Definitions(editor));
        return detectors.toArray(IHyperlinkDetector[]::new);
    }

    @Override
    public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer viewer) {
        QuickAssistAssistant assistant = new QuickAssistAssistant();
        assistant.setQuickAssistProcessor(new QuickFixes(editor));
        assistant.setInformationControlCreator(getInformationControlCreator(viewer));
        return assistant;
    }
}
