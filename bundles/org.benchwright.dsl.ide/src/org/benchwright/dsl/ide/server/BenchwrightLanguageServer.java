/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.benchwright.dsl.ide.BenchwrightIdeSetup;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The language server of the procedure language over a pair of streams (stdio for editors): diagnostics with the
 * rules' codes, completion, hover, symbols, formatting and quick fixes.
 */
public final class BenchwrightLanguageServer {

    private BenchwrightLanguageServer() {
    }

    /** Serves one client until it exits or its input closes. */
    public static void serve(InputStream in, OutputStream out) throws InterruptedException {
        // The language is registered directly: Xtext's own lookup goes through java.util.ServiceLoader, which an
        // OSGi bundle's class loader does not serve.
        Injector language = new BenchwrightIdeSetup().createInjectorAndDoEMFRegistration();
        IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
        registry.getExtensionToFactoryMap().put("bw", language.getInstance(IResourceServiceProvider.class));
        Injector server = Guice.createInjector(Modules2.mixin(new ServerModule(),
                binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry)));
        LanguageServerImpl languageServer = server.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(languageServer, in, out);
        languageServer.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            // the client went away: nothing left to serve
        }
    }
}
