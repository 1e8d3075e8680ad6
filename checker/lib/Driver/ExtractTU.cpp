// SPDX-License-Identifier: Apache-2.0
// Runs the clang frontend on one compile command, quietly: diagnostics are
// counted, not printed, and a TU with errors is reported by one line.
#include "forksafe/Driver.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>

using namespace clang;

namespace forksafe {
namespace {

/// Keeps the first error; prints nothing.
class QuietDiagnostics : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<256> Msg;
    Info.FormatDiagnostic(Msg);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Info.getLocation()));
      if (P.isValid())
        First = std::string(llvm::sys::path::filename(P.getFilename())) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    First += Msg.str().str();
  }
  std::string First;
};

class ExtractConsumer : public ASTConsumer {
public:
  ExtractConsumer(const RuleSet &Rules, const ExtractOptions &O, TUOutcome &Out,
                  bool &Done)
      : Rules(Rules), Options(O), Out(Out), Done(Done) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return; // an AST with errors is not worth analysing
    Out.Facts = extractFacts(Ctx, Rules, Options);
    // Every file this TU read: the facts stay valid while none changes.
    SourceManager &SM = Ctx.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      SmallString<256> Path(It->first.getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, true);
      Out.Inputs.push_back(std::string(Path.str()));
    }
    std::sort(Out.Inputs.begin(), Out.Inputs.end());
    Out.Inputs.erase(std::unique(Out.Inputs.begin(), Out.Inputs.end()),
                     Out.Inputs.end());
    Done = true;
  }

private:
  const RuleSet &Rules;
  const ExtractOptions &Options;
  TUOutcome &Out;
  bool &Done;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const RuleSet &Rules, const ExtractOptions &O, TUOutcome &Out,
                bool &Done)
      : Rules(Rules), Options(O), Out(Out), Done(Done) {}
  bool BeginInvocation(CompilerInstance &CI) override {
    // No "N errors generated." on stderr: we report a failed TU ourselves.
    CI.getDiagnosticOpts().ShowCarets = false;
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<ExtractConsumer>(Rules, Options, Out, Done);
  }

private:
  const RuleSet &Rules;
  const ExtractOptions &Options;
  TUOutcome &Out;
  bool &Done;
};

} // namespace

std::vector<std::string> dropUnsafeArguments(const std::vector<std::string> &In,
                                             std::vector<std::string> *Dropped) {
  // forksafe parses; it never loads or runs anything a compile command names:
  // compiler plugins, pass plugins, alternative tool directories.
  std::vector<std::string> Out;
  auto drop = [&](const std::string &A) {
    if (Dropped)
      Dropped->push_back(A);
  };
  for (size_t I = 0; I < In.size(); ++I) {
    const std::string &A = In[I];
    auto starts = [&](const char *P) { return A.rfind(P, 0) == 0; };
    if (starts("-fplugin=") || starts("-fpass-plugin=") ||
        starts("-fplugin-arg-")) {
      drop(A);
      continue;
    }
    if (A == "-B" || A == "--prefix") { // takes the next argument
      drop(A + (I + 1 < In.size() ? " " + In[I + 1] : ""));
      ++I;
      continue;
    }
    if (starts("-B") || starts("--prefix=")) {
      drop(A);
      continue;
    }
    if (A == "-Xclang" && I + 1 < In.size()) {
      const std::string &N = In[I + 1];
      if (N == "-load" || N.rfind("-plugin", 0) == 0 ||
          N.rfind("-add-plugin", 0) == 0 || N == "-fpass-plugin") {
        drop(A + " " + N);
        ++I;
        // '-Xclang -load -Xclang lib.so': drop the argument too.
        if ((N == "-load" || N == "-plugin" || N == "-add-plugin") &&
            I + 2 < In.size() && In[I + 1] == "-Xclang") {
          drop(In[I + 1] + " " + In[I + 2]);
          I += 2;
        }
        continue;
      }
    }
    Out.push_back(A);
  }
  return Out;
}

namespace {

std::vector<std::string> adjustedCommandLine(const tooling::CompileCommand &C,
                                             const DriverOptions &O) {
  using namespace tooling;
  std::vector<std::string> Args = dropUnsafeArguments(C.CommandLine, nullptr);
  ArgumentsAdjuster Adjust = combineAdjusters(
      getClangStripOutputAdjuster(),
      combineAdjusters(getClangStripDependencyFileAdjuster(),
                       getClangSyntaxOnlyAdjuster()));
  Args = Adjust(Args, C.Filename);
  if (!O.ExtraArgsBefore.empty())
    Args = getInsertArgumentAdjuster(O.ExtraArgsBefore,
                                     ArgumentInsertPosition::BEGIN)(Args,
                                                                    C.Filename);
  std::vector<std::string> After = O.ExtraArgs;
  // Our diagnostics are counted, not shown; warnings only cost time.
  After.push_back("-w");
  if (!O.ResourceDir.empty())
    After.push_back("-resource-dir=" + O.ResourceDir);
  Args = getInsertArgumentAdjuster(After, ArgumentInsertPosition::END)(
      Args, C.Filename);
  return Args;
}

} // namespace

TUOutcome extractTranslationUnit(const tooling::CompileCommand &Command,
                                 const RuleSet &Rules,
                                 const DriverOptions &Options) {
  TUOutcome Out;
  llvm::SmallString<256> Abs(Command.Filename);
  if (!llvm::sys::path::is_absolute(Abs))
    llvm::sys::fs::make_absolute(Command.Directory, Abs);
  llvm::sys::path::remove_dots(Abs, true);
  Out.File = std::string(Abs.str());
  if (!llvm::sys::fs::exists(Abs)) {
    Out.Error = "file not found";
    return Out;
  }
  if (Command.CommandLine.empty()) {
    Out.Error = "empty compile command";
    return Out;
  }
  // A private file system: each thread has its own working directory.
  auto FS = llvm::vfs::createPhysicalFileSystem();
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Command.Directory)) {
    Out.Error = "cannot enter directory '" + Command.Directory +
                "': " + EC.message();
    return Out;
  }
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(),
                                                       std::move(FS));
  bool Done = false;
  auto Action =
      std::make_unique<ExtractAction>(Rules, Options.Extract, Out, Done);
  QuietDiagnostics Diags;
  tooling::ToolInvocation Invocation(adjustedCommandLine(Command, Options),
                                     std::move(Action), Files.get());
  Invocation.setDiagnosticConsumer(&Diags);
  bool Ran = Invocation.run();
  if (Diags.getNumErrors() > 0) {
    Out.Error = std::to_string(Diags.getNumErrors()) + " compile error" +
                (Diags.getNumErrors() == 1 ? "" : "s") + " (first: " +
                Diags.First + ")";
    return Out;
  }
  if (!Ran || !Done) {
    Out.Error = "the compiler could not run this command";
    return Out;
  }
  Out.Ok = true;
  return Out;
}

} // namespace forksafe
