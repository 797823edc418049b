package dev.xmppreactive.servers;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension of the harness. It resolves parameters of type {@link SharedServers}, and
 * parameters annotated {@link Prosody} or {@link Ejabberd} to the shared instance with those options.
 *
 * <p>Before the tests of a class (for constructor and lifecycle-method parameters) and before each
 * test (for its own parameters) it checks that the servers asked for are installed: if not, the
 * tests are skipped through a JUnit assumption, or fail if {@code CI=true}. (JUnit reports an
 * assumption that fails inside parameter resolution as an error, hence the callbacks.)
 */
public final class RealServersExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback {

  /** Created by JUnit. */
  public RealServersExtension() {
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    List<Executable> executables = new ArrayList<>(List.of(testClass.getDeclaredConstructors()));
    for (Method method : testClass.getDeclaredMethods()) {
      if (method.isAnnotationPresent(BeforeAll.class) || method.isAnnotationPresent(BeforeEach.class)
          || method.isAnnotationPresent(AfterEach.class) || method.isAnnotationPresent(AfterAll.class)) {
        executables.add(method);
      }
    }
    for (Executable executable : executables) {
      requireInstalled(executable);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    requireInstalled(context.getRequiredTestMethod());
  }

  private static void requireInstalled(Executable executable) {
    for (Parameter parameter : executable.getParameters()) {
      Prosody prosody = parameter.getAnnotation(Prosody.class);
      if (prosody != null) {
        Installation.requireOrSkip(Installation.missing(options(prosody)));
      }
      Ejabberd ejabberd = parameter.getAnnotation(Ejabberd.class);
      if (ejabberd != null) {
        Installation.requireOrSkip(Installation.missing(options(ejabberd)));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == SharedServers.class) {
      return true;
    }
    if (parameter.isAnnotated(Prosody.class)) {
      return type != Object.class && type.isAssignableFrom(ProsodyServer.class);
    }
    if (parameter.isAnnotated(Ejabberd.class)) {
      return type != Object.class && type.isAssignableFrom(EjabberdServer.class);
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SharedServers servers = SharedServers.of(context);
    if (parameter.getParameter().getType() == SharedServers.class) {
      return servers;
    }
    try {
      return parameter.findAnnotation(Prosody.class).<XmppServer>map(a -> servers.prosody(options(a)))
          .orElseGet(() -> servers.ejabberd(options(parameter.findAnnotation(Ejabberd.class).orElseThrow())));
    } catch (ServerNotInstalledException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /** The options an annotation asks for. */
  static ProsodyOptions options(Prosody annotation) {
    return ProsodyOptions.defaults().withPasswordHash(annotation.passwordHash()).withMam(annotation.mam())
        .withRegistration(annotation.registration()).withMuc(annotation.muc())
        .withCertificateTrust(annotation.certificate());
  }

  /** The options an annotation asks for. */
  static EjabberdOptions options(Ejabberd annotation) {
    return EjabberdOptions.defaults().withMam(annotation.mam()).withRegistration(annotation.registration())
        .withMuc(annotation.muc()).withCertificateTrust(annotation.certificate());
  }
}
