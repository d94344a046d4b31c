/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.benchwright.dsl.conversion.BenchwrightValueConverters;
import org.benchwright.dsl.documentation.ElementDocumentation;
import org.benchwright.dsl.index.BenchwrightResourceDescriptionManager;
import org.benchwright.dsl.scoping.PackageScopeProvider;
import org.benchwright.dsl.validation.ModelDiagnostician;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.eclipse.xtext.validation.CompositeEValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Binds the language's runtime services (parser, scoping, validation and the value converters). */
public class BenchwrightRuntimeModule extends AbstractBenchwrightRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return BenchwrightValueConverters.class;
    }

    @Override
    public void configureIScopeProviderDelegate(Binder binder) {
        binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
                .to(PackageScopeProvider.class);
    }

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return ElementDocumentation.class;
    }

    /** Re-checks every file whose rules read a changed file, not only those whose names it changed. */
    public Class<? extends IResourceDescription.Manager> bindIResourceDescription$Manager() {
        return BenchwrightResourceDescriptionManager.class;
    }

    public Class<? extends Diagnostician> bindDiagnostician() {
        return ModelDiagnostician.class;
    }

    /** The metamodel's generated validator already runs EMF's basic checks; Xtext need not add them again. */
    public void configureUseEObjectValidator(Binder binder) {
        binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
    }

    /** System property naming a properties file that changes the rules' limits (see {@link RuleSettings}). */
    public static final String RULE_SETTINGS_PROPERTY = "benchwright.rules";

    /**
     * The rules, with the limits of the file that {@value #RULE_SETTINGS_PROPERTY} names, or the sources' own.
     *
     * @throws IllegalStateException when that file cannot be read or holds an unknown key or a bad value
     */
    public RuleChecker bindRuleChecker() {
        String file = System.getProperty(RULE_SETTINGS_PROPERTY);
        if (file == null || file.isBlank()) {
            return new RuleChecker();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
            return new RuleChecker(RuleSettings.of(properties));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
