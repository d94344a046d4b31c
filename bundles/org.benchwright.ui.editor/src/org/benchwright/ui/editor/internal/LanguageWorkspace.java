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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.benchwright.dsl.ide.BenchwrightIdeSetup;
import org.benchwright.dsl.index.Dependents;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * The procedure files of one project parsed together, so that references between files resolve as they do on the
 * command line: every {@code *.bw} file of the project in one resource set with an index of what each exports. The
 * file being edited is parsed from the editor's text; the others from disk, re-read when they change.
 */
public final class LanguageWorkspace {

    public static final String EXTENSION = "bw";

    private static Injector injector;
    private static final Map<IProject, LanguageWorkspace> PROJECTS = new HashMap<>();

    private final IProject project;
    private final XtextResourceSet set;
    private final Map<IFile, Long> stamps = new HashMap<>();
    private final Map<IFile, String> edited = new HashMap<>();
    private final Map<IFile, String> marked = new HashMap<>();

    private LanguageWorkspace(IProject project) {
        this.project = project;
        this.set = injector().getInstance(XtextResourceSet.class);
        set.getLoadOptions().put(XtextResource.OPTION_ENCODING, "UTF-8");
    }

    /** The language's services (parser, validator, content assist, formatter), created once. */
    public static synchronized Injector injector() {
        if (injector == null) {
            LibraryLogging.install();
            injector = new BenchwrightIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    public static synchronized LanguageWorkspace of(IProject project) {
        return PROJECTS.computeIfAbsent(project, LanguageWorkspace::new);
    }

    /** What a parse of one file gave: its resource and what validation said. */
    public record Parsed(XtextResource resource, List<Issue> issues) {
    }

    /** Parses {@code file} from {@code text} among its project's files; {@code null} text reads it from disk. */
    public synchronized XtextResource parse(IFile file, String text) {
        if (text != null) {
            edited.put(file, text);
        }
        refresh();
        return (XtextResource) set.getResource(uri(file), false);
    }

    /** Parses and validates {@code file} from {@code text}. */
    public synchronized Parsed validate(IFile file, String text, CancelIndicator cancel) {
        XtextResource resource = parse(file, text);
        if (resource == null) {
            return new Parsed(null, List.of());
        }
        List<Issue> issues = injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
                cancel);
        return new Parsed(resource, issues);
    }

    /** Reads parsed models without a parse running meanwhile (parses replace a file's model in place). */
    public synchronized <T> T read(java.util.function.Supplier<T> reader) {
        return reader.get();
    }

    /**
     * The project's files whose checks read what {@code file} declares, directly or through other files (see
     * {@link Dependents}): after a change to it, their problems may have changed too.
     */
    public synchronized List<IFile> dependents(IFile file) {
        refresh();
        ResourceDescriptionsData index = ResourceDescriptionsData.ResourceSetAdapter.findResourceDescriptionsData(set);
        if (index == null) {
            return List.of();
        }
        List<IFile> files = new ArrayList<>();
        for (URI dependent : Dependents.of(Set.of(uri(file)), index)) {
            if (dependent.isPlatformResource()) {
                IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(
                        new org.eclipse.core.runtime.Path(dependent.toPlatformString(true)));
                if (f.exists()) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    /**
     * Notes that {@code file}'s markers are now those of {@code text}, and says which text they were those of before
     * ({@code null}: none known).
     */
    public synchronized String marked(IFile file, String text) {
        return text == null ? marked.remove(file) : marked.put(file, text);
    }

    /** Forgets the editor's text of {@code file}: it reads from disk again. */
    public synchronized void closed(IFile file) {
        edited.remove(file);
        stamps.remove(file);
    }

    /** Loads new and changed files, drops deleted ones, and rebuilds the index of exported names if any was. */
    private void refresh() {
        List<IFile> files = new ArrayList<>();
        try {
            project.accept(r -> {
                if (r instanceof IFile f && EXTENSION.equals(f.getFileExtension()) && !isDerived(f)) {
                    files.add(f);
                }
                return !(r.getType() == IResource.FOLDER && (r.getName().equals("target") || r.isDerived()));
            });
        } catch (CoreException e) {
            return;
        }
        boolean changed = false;
        for (IFile gone : new ArrayList<>(stamps.keySet())) {
            if (!files.contains(gone)) {
                changed = true;
                Resource r = set.getResource(uri(gone), false);
                if (r != null) {
                    r.unload();
                    set.getResources().remove(r);
                }
                stamps.remove(gone);
            }
        }
        Map<IFile, Long> changes = new LinkedHashMap<>();
        for (IFile file : files) {
            String text = edited.get(file);
            long stamp = text != null ? -text.hashCode() - 1L : file.getModificationStamp();
            Long known = stamps.get(file);
            if (known == null || known != stamp) {
                changes.put(file, stamp);
            }
        }
        // one file changed and no other came or went: what its unchanged text refers to is what it referred to
        boolean keepLinks = !changed && changes.size() == 1;
        changed |= !changes.isEmpty();
        for (Map.Entry<IFile, Long> change : changes.entrySet()) {
            IFile file = change.getKey();
            String text = edited.get(file);
            XtextResource resource = (XtextResource) set.getResource(uri(file), false);
            if (resource == null) {
                resource = (XtextResource) set.createResource(uri(file));
            }
            try {
                String content = text != null ? text : new String(file.getContents(true).readAllBytes(),
                        StandardCharsets.UTF_8);
                if (resource.isLoaded()) {
                    update(resource, content, keepLinks);
                } else {
                    resource.load(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                            set.getLoadOptions());
                }
                stamps.put(file, change.getValue());
            } catch (IOException | CoreException e) {
                stamps.remove(file);
            }
        }
        if (!changed && ResourceDescriptionsData.ResourceSetAdapter.findResourceDescriptionsData(set) != null) {
            return; // the same files as the index was made of
        }
        IResourceDescription.Manager manager = injector().getInstance(IResourceDescription.Manager.class);
        List<IResourceDescription> descriptions = new ArrayList<>();
        for (Resource r : set.getResources()) {
            descriptions.add(manager.getResourceDescription(r));
        }
        set.eAdapters().removeIf(ResourceDescriptionsData.ResourceSetAdapter.class::isInstance);
        ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(set,
                new ResourceDescriptionsData(descriptions));
    }

    /**
     * Brings a parsed file to {@code text}: the region between what the two texts share at their start and at their
     * end is parsed again (Xtext's partial parsing, which parses the whole file again where it must), so a keystroke
     * in a long file does not parse all of it. With {@code keepLinks}, when the edit declared no name and dropped none,
     * the references outside the region parsed again keep what they were linked to (see {@link KeptLinks}); the
     * other files must be as they were.
     */
    public static void update(XtextResource resource, String text, boolean keepLinks) throws IOException {
        IParseResult parsed = resource.getParseResult();
        if (parsed == null || parsed.getRootNode() == null) {
            resource.reparse(text);
            return;
        }
        String old = parsed.getRootNode().getText();
        if (old.equals(text)) {
            return;
        }
        int start = 0;
        int shorter = Math.min(old.length(), text.length());
        while (start < shorter && old.charAt(start) == text.charAt(start)) {
            start++;
        }
        int end = 0; // characters shared at the end, not overlapping the shared start
        while (end < shorter - start && old.charAt(old.length() - 1 - end) == text.charAt(text.length() - 1 - end)) {
            end++;
        }
        KeptLinks links = keepLinks ? KeptLinks.of(resource, injector().getInstance(IQualifiedNameProvider.class))
                : null;
        resource.update(start, old.length() - start - end, text.substring(start, text.length() - end));
        if (links != null) {
            links.restore();
        }
    }

    private static boolean isDerived(IFile file) {
        for (IResource r = file; r != null; r = r.getParent()) {
            if (r.isDerived() || r.getName().equals("target")) {
                return true;
            }
        }
        return false;
    }

    public static URI uri(IFile file) {
        return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
    }
}
