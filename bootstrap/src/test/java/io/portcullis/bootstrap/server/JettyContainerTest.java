package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig.Container;

class JettyContainerTest extends HttpContainerContract {

    @Override
    Container container() {
        return Container.JETTY;
    }
}
