-- Part of xmpp-reactive-servers (the test harness), loaded as a global module.
--
-- 1. Logs a line when Prosody has started (after every module loaded and every port opened): the
--    harness waits for it.
-- 2. Stops Prosody when the JVM that started it is gone, however it went: Prosody's standard input
--    is a pipe from that JVM, and it reaches end of file when the JVM exits, even on SIGKILL.
module:set_global();

local server = require "net.server";
local watcher;

module:hook("server-started", function ()
	module:log("info", "Prosody is started (xmpp-reactive-servers)");
end);

function module.load()
	local ok, result = pcall(server.watchfd, 0, function (conn)
		local data = io.stdin:read(1);
		if data == nil then
			conn:close();
			module:log("warn", "Standard input closed: the test harness is gone, shutting down");
			-- as mod_posix does on SIGTERM: shutting down waits, so it runs in the main thread
			prosody.main_thread:run(function ()
				prosody.unlock_globals();
				prosody.shutdown("test harness gone");
				prosody.lock_globals();
			end);
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
