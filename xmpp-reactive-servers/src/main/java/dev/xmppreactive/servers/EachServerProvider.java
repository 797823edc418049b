package dev.xmppreactive.servers;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Makes the invocations of an {@link EachServer} test: one per server kind, named after it. */
public final class EachServerProvider implements TestTemplateInvocationContextProvider {

  /** Created by JUnit. */
  public EachServerProvider() {
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), EachServer.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    EachServer each = AnnotationSupport.findAnnotation(context.getTestMethod(), EachServer.class).orElseThrow();
    return Arrays.stream(each.value()).distinct().map(kind -> invocation(kind, each));
  }

  private static TestTemplateInvocationContext invocation(ServerKind kind, EachServer each) {
    Object options = kind == ServerKind.PROSODY
        ? ProsodyOptions.defaults().withMam(each.mam()).withRegistration(each.registration()).withMuc(each.muc())
        : EjabberdOptions.defaults().withMam(each.mam()).withRegistration(each.registration()).withMuc(each.muc());
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return kind.id();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new ServerOfInvocation(options));
      }
    };
  }

  /** Resolves the {@link XmppServer} parameter of one invocation; skips it if the server is missing. */
  private static final class ServerOfInvocation implements ParameterResolver, BeforeEachCallback {
    private final Object options;

    ServerOfInvocation(Object options) {
      this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      Installation.requireOrSkip(options instanceof ProsodyOptions prosody
          ? Installation.missing(prosody) : Installation.missing((EjabberdOptions) options));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == XmppServer.class
          && !parameter.isAnnotated(Prosody.class) && !parameter.isAnnotated(Ejabberd.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      SharedServers servers = SharedServers.of(context);
      return options instanceof ProsodyOptions prosody
          ? servers.prosody(prosody) : servers.ejabberd((EjabberdOptions) options);
    }
  }
}
