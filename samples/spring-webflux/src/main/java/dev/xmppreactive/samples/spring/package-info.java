/**
 * A Spring Boot WebFlux sample: the XMPP session as a Spring-managed bean, received messages to the
 * browser as Server-Sent Events, a message sent on POST.
 */
package dev.xmppreactive.samples.spring;
