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

import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/** Go to definition: Ctrl+click (or F3) on a reference opens the file that declares it at the declaration. */
public final class Definitions implements IHyperlinkDetector {

    private final BenchwrightEditor editor;

    Definitions(BenchwrightEditor editor) {
        this.editor = editor;
    }

    /** Where the reference at {@code offset} points: its file and the region of its name; {@code null} if none. */
    public record Target(IFile file, int offset, int length, String name, IRegion source) {
    }

    public static Target target(BenchwrightEditor editor, int offset) {
        LanguageWorkspace.Parsed parsed = editor.parsed();
        if (parsed == null || parsed.resource() == null || editor.file() == null) {
            return null;
        }
        return LanguageWorkspace.of(editor.file().getProject()).read(() -> {
            XtextResource resource = parsed.resource();
            EObjectAtOffsetHelper at = LanguageWorkspace.injector().getInstance(EObjectAtOffsetHelper.class);
            INode node = at.getCrossReferenceNode(resource, new TextRegion(offset, 0));
            EObject element = at.resolveCrossReferencedElementAt(resource, offset);
            if (node == null || element == null || element.eIsProxy() || element.eResource() == null) {
                return null;
            }
            URI uri = element.eResource().getURI();
            if (!uri.isPlatformResource()) {
                return null;
            }
            IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
            ITextRegion name = LanguageWorkspace.injector().getInstance(ILocationInFileProvider.class)
                    .getSignificantTextRegion(element);
            String label = element.eClass().getEStructuralFeature("name") == null ? element.eClass().getName()
                    : String.valueOf(element.eGet(element.eClass().getEStructuralFeature("name")));
            return new Target(file, name.getOffset(), name.getLength(), label,
                    new Region(node.getOffset(), node.getLength()));
        });
    }

    /** Opens the declaration of the reference at {@code offset}; whether there was one. */
    public static boolean open(BenchwrightEditor editor, int offset) {
        Target target = target(editor, offset);
        if (target == null) {
            return false;
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            if (IDE.openEditor(page, target.file(), BenchwrightEditor.ID) instanceof BenchwrightEditor opened) {
                opened.reveal(target.offset(), target.length());
            }
            return true;
        } catch (PartInitException e) {
            return false;
        }
    }

    @Override
    public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
        Target target = target(editor, region.getOffset());
        if (target == null) {
            return null;
        }
        int offset = region.getOffset();
        return new IHyperlink[] { new IHyperlink() {
            @Override
            public IRegion getHyperlinkRegion() {
                return target.source();
            }

            @Override
            public String getTypeLabel() {
                return null;
            }

            @Override
            public String getHyperlinkText() {
                return "Open the declaration of " + target.name();
            }

            @Override
            public void open() {
                Definitions.open(editor, offset);
            }
        } };
    }
}
