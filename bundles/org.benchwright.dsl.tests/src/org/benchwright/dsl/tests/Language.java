/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.dsl.ide.BenchwrightIdeSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/** Parses and validates procedure-language text in memory, as the editor and the command line do. */
final class Language {

    static final Injector INJECTOR = new BenchwrightIdeSetup().createInjectorAndDoEMFRegistration();

    private final XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
    private final List<XtextResource> resources = new ArrayList<>();

    /** Adds a file with this text; files added together see each other's elements. */
    Language file(String name, String text) {
        XtextResource resource = (XtextResource) set.createResource(URI.createURI("test:/" + name));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resources.add(resource);
        return this;
    }

    XtextResource resource(int index) {
        return resources.get(index);
    }

    /** Every issue of every file, as "line: severity [code] message". */
    List<String> issues() {
        IResourceValidator validator = INJECTOR.getInstance(IResourceValidator.class);
        List<String> all = new ArrayList<>();
        for (XtextResource resource : resources) {
            for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
                all.add(issue.getLineNumber() + ": " + issue.getSeverity().name().toLowerCase() + " [" + issue.getCode()
                        + "] " + issue.getMessage());
            }
        }
        return all;
    }

    List<String> codes() {
        return issues().stream().map(s -> s.substring(s.indexOf('[') + 1, s.indexOf(']'))).distinct()
                .collect(Collectors.toList());
    }

    static String bench() {
        try (InputStream in = Language.class.getResourceAsStream("/resources/bench.bw")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
