%% Part of xmpp-reactive-servers (the test harness): the expressions a hidden Erlang node evaluates
%% to administer one private ejabberd node over Erlang distribution. It reads one command a line
%% from its standard input (a pipe from the JVM), each argument hex-encoded after an 'x', and
%% answers "XR-RESULT <term>" on its standard output. At end of input (the JVM is gone, however it
%% went) it stops the ejabberd node and itself.
Node = list_to_atom(os:getenv("XR_EJABBERD_NODE")),
Host = unicode:characters_to_binary(os:getenv("XR_EJABBERD_HOST")),
Say = fun(Tag, Term) -> io:format("~s ~w~n", [Tag, Term]) end,
Arg = fun([$x | HexText]) -> binary:decode_hex(list_to_binary(HexText)) end,
Call = fun(M, F, A) -> rpc:call(Node, M, F, A, 120000) end,
%% The loop runs on the ejabberd node (one call instead of two per account).
Bulk = fun(Prefix, Count, Password) ->
    Work = fun() ->
        Names = [<<Prefix/binary, (integer_to_binary(I))/binary>> || I <- lists:seq(0, Count - 1)],
        case [U || U <- Names, ejabberd_auth:user_exists(U, Host) =/= false] of
            [] ->
                Failed = [{U, R} || U <- Names, R <- [ejabberd_auth:try_register(U, Host, Password)], R =/= ok],
                case Failed of
                    [] -> {ok, Count};
                    [First | _] -> {error, First}
                end;
            [Taken | _] -> {error, {exists, Taken}}
        end
    end,
    Call(erlang, apply, [Work, []])
  end,
Handle = fun
    (["register", U, P]) -> Call(ejabberd_auth, try_register, [Arg(U), Host, Arg(P)]);
    (["bulk", Prefix, P, Count]) -> Bulk(Arg(Prefix), list_to_integer(Count), Arg(P));
    (["remove", U]) ->
        case Call(ejabberd_auth, user_exists, [Arg(U), Host]) of
            true -> Call(ejabberd_auth, remove_user, [Arg(U), Host]);
            false -> {error, not_found};
            Other -> Other
        end;
    (["kick", U]) -> Call(ejabberd_sm, kick_user, [Arg(U), Host]);
    (Other) -> {error, {unknown_command, Other}}
  end,
Serve = fun Serve() ->
    case io:get_line("") of
        Line when is_list(Line) ->
            Result = try Handle(string:lexemes(string:trim(Line), " ")) catch Class:Reason -> {error, {Class, Reason}} end,
            Say("XR-RESULT", Result),
            Serve();
        _EndOrError ->
            rpc:call(Node, init, stop, [], 5000),
            erlang:halt(0)
    end
  end,
Connect = fun Connect(0) -> false;
              Connect(N) -> case net_kernel:connect_node(Node) of
                                true -> true;
                                _ -> timer:sleep(100), Connect(N - 1)
                            end
          end,
case Connect(100) of
    true -> Say("XR-READY", Node), spawn(fun() -> Serve() end);
    false -> Say("XR-FAILED", Node), erlang:halt(2)
end.
