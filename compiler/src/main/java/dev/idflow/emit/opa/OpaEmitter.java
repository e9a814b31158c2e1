package dev.idflow.emit.opa;

import dev.idflow.emit.EmitInput;
import dev.idflow.emit.Emitter;
import dev.idflow.emit.GeneratedFile;
import dev.idflow.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OPA bundle: {@code .manifest}, {@code idflow/data.json}, the fixed
 * {@code idflow/authz.rego}, the generated {@code idflow/authz_test.rego}, and all four in
 * {@code bundle.tar.gz}. Written whenever the target is selected: OPA decides for every
 * credential of every identity, whatever its issuer.
 */
public final class OpaEmitter implements Emitter {

    public static final String MANIFEST = ".manifest";
    public static final String DATA = "idflow/data.json";
    public static final String AUTHZ = "idflow/authz.rego";
    public static final String AUTHZ_TEST = "idflow/authz_test.rego";
    public static final String BUNDLE = "opa/bundle.tar.gz";

    @Override
    public String target() {
        return "opa";
    }

    @Override
    public String schema(String path) {
        return switch (path) {
            case "opa/" + MANIFEST -> "opa-manifest";
            case "opa/" + DATA -> "opa-data";
            default -> null;
        };
    }

    @Override
    public List<GeneratedFile> emit(EmitInput input) {
        OpaData data = OpaData.of(input.policy(), input.revision());
        List<GeneratedFile> bundle = List.of(
                GeneratedFile.json(MANIFEST, manifest(input.revision())),
                GeneratedFile.adopt(AUTHZ, authzRego()),
                GeneratedFile.adopt(AUTHZ_TEST, AuthzTests.rego(data)),
                GeneratedFile.json(DATA, data.toJson()));
        List<GeneratedFile> files = new ArrayList<>();
        for (GeneratedFile f : bundle) {
            files.add(f.under("opa"));
        }
        files.add(GeneratedFile.adopt(BUNDLE, Bundle.archive(bundle)));
        return files;
    }

    private static ObjectNode manifest(String revision) {
        ObjectNode m = Json.object();
        m.put("revision", revision);
        m.putArray("roots").add("idflow");
        m.put("rego_version", 1);
        return m;
    }

    /** The fixed decision code, a class-path resource. */
    public static byte[] authzRego() {
        try (InputStream in = OpaEmitter.class.getResourceAsStream("authz.rego")) {
            if (in == null) {
                throw new IllegalStateException("authz.rego is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
