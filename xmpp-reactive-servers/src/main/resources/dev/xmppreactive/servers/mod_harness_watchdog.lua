-- Part of xmpp-reactive-servers (the test harness). Stops Prosody when the JVM that started it is
-- gone, however it went: Prosody's standard input is a pipe from that JVM, and it reaches end of
-- file when the JVM exits, even on SIGKILL.
module:set_global();

local server = require "net.server";
local watcher;

function module.load()
	local ok, result = pcall(server.watchfd, 0, function (conn)
		local data = io.stdin:read(1);
		if data == nil then
			conn:close();
			module:log("warn", "Standard input closed: the test harness is gone, shutting down");
			prosody.shutdown("test harness gone");
		end
	end);
	if ok then
		watcher = result;
	else
		module:log("warn", "Cannot watch standard input: %s", tostring(result));
	end
end

function module.unload()
	if watcher then
		watcher:close();
	end
end
