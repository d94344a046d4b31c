/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.benchwright.model.BenchwrightPackage;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/** Reads and writes model files as XMI in UTF-8, so that {@code 245 °C} stays readable in the file. */
public final class ModelResources {

    /** Options every save of a model file uses. */
    public static final Map<Object, Object> SAVE_OPTIONS = Map.of(XMLResource.OPTION_ENCODING, "UTF-8",
            XMLResource.OPTION_LINE_WIDTH, 120);

    private ModelResources() {
    }

    /** A resource set that reads any file name as XMI of the Benchwright metamodel, in OSGi or outside it. */
    public static ResourceSet newResourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getPackageRegistry().put(BenchwrightPackage.eNS_URI, BenchwrightPackage.eINSTANCE);
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
                new XMIResourceFactoryImpl());
        return set;
    }

    /** Writes {@code roots} into one new file; cross references between them stay inside that file. */
    public static void save(Path file, EObject... roots) throws IOException {
        Resource resource = newResourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        resource.getContents().addAll(Arrays.asList(roots));
        resource.save(SAVE_OPTIONS);
    }

    /**
     * Reads the roots of one file.
     *
     * @throws IOException when the file cannot be read or is not a model, with the parser's reason
     */
    public static List<EObject> load(Path file) throws IOException {
        try {
            return newResourceSet().getResource(URI.createFileURI(file.toAbsolutePath().toString()), true)
                    .getContents();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IOException(file + ": not a readable model: " + cause.getMessage(), e);
        }
    }

    /** One model object (and what it contains) as XMI text, as a database keeps it; the object stays where it was. */
    public static String toText(EObject root) throws IOException {
        Resource resource = newResourceSet().createResource(URI.createURI("text.xmi"));
        resource.getContents().add(EcoreUtil.copy(root));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.save(out, SAVE_OPTIONS);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The roots of XMI text that {@link #toText} wrote.
     *
     * @param source where the text comes from, for the message when it is not a model
     * @throws IOException when the text is not a model, with the parser's reason
     */
    public static List<EObject> fromText(String source, String text) throws IOException {
        Resource resource = newResourceSet().createResource(URI.createURI("text.xmi"));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
            return resource.getContents();
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": not a readable model: " + e.getMessage(), e);
        }
    }
}
