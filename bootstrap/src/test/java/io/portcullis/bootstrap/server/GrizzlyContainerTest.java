package io.portcullis.bootstrap.server;

import io.portcullis.bootstrap.config.PortcullisConfig.Container;

class GrizzlyContainerTest extends HttpContainerContract {

    @Override
    Container container() {
        return Container.GRIZZLY;
    }
}
