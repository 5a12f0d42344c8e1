package org.downline.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, each folder mapped by name ({@code spring.web.resources.add-mappings=false}).
 * Boot's default maps {@code /**}: then every link a page writes ({@code @{/office/pay?page=2}}) was
 * looked up as a file in the static folders and the jars, found nowhere and never cached, about a
 * quarter of rendering a page (ADR 30). Webjars keep their version-free paths.
 */
@Configuration
public class StaticFiles implements WebMvcConfigurer {
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // The chain caches each file found, so the page's own links to them are not looked up again per render.
    registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
    registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
    registry.addResourceHandler("/api/*.yaml").addResourceLocations("classpath:/static/api/");
    registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
  }
}
